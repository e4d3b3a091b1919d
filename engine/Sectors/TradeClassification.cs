using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Sectors;

/// <summary>
/// The shipped traded/local classification of SIC 2007 (<c>datasets/sectors/traded_local_sic2007.csv</c>): one row
/// per code (division, group or class) with its <see cref="TradeClass"/> and a reason. A sector takes the row of the
/// most specific code at or above it (a group row overrides its division's); a section is traded when none of its
/// divisions is local, local when none is traded, else mixed; a division whose groups differ keeps its own row.
/// </summary>
public sealed class TradeClassification
{
    private readonly Dictionary<string, (TradeClass Class, string Reason)> _rows;
    private readonly SicHierarchy _sic;

    private TradeClassification(Dictionary<string, (TradeClass, string)> rows, SicHierarchy sic, string source)
    {
        _rows = rows;
        _sic = sic;
        Source = source;
    }

    /// <summary>The file the classification was read from.</summary>
    public string Source { get; }

    /// <summary>Number of rows (codes) in the file.</summary>
    public int Count => _rows.Count;

    /// <summary>
    /// Reads the file (columns <c>sic2007,class,reason</c>); every code must exist in <paramref name="sic"/> at
    /// division, group or class level, appear once, and carry a class of traded, mixed or local and a reason.
    /// Every division must be classified.
    /// </summary>
    public static TradeClassification Load(string path, SicHierarchy sic)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cc = h.Require("sic2007"), cl = h.Require("class"), cr = h.Require("reason");
        var rows = new Dictionary<string, (TradeClass, string)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", path, csv.RecordLine);
            var code = SicHierarchy.Clean(f[cc]);
            var level = SicHierarchy.LevelOf(code);
            if (level is not (SectorLevel.Division or SectorLevel.Group or SectorLevel.Class))
                throw new InputException($"'{f[cc]}' is not a SIC 2007 division, group or class code", path, csv.RecordLine, "sic2007");
            if (sic.SubclassesUnder(code).Count == 0)
                throw new InputException($"SIC code '{f[cc]}' does not exist in SIC 2007", path, csv.RecordLine, "sic2007");
            var cls = f[cl].Trim() switch
            {
                "traded" => TradeClass.Traded,
                "mixed" => TradeClass.Mixed,
                "local" => TradeClass.Local,
                var o => throw new InputException($"unknown class '{o}'; use traded, mixed or local", path, csv.RecordLine, "class"),
            };
            var reason = f[cr].Trim();
            if (reason.Length == 0) throw new InputException("every classification needs a reason", path, csv.RecordLine, "reason");
            if (!rows.TryAdd(code, (cls, reason))) throw new InputException($"SIC code {code} is classified twice", path, csv.RecordLine, "sic2007");
        }
        foreach (var d in sic.SectorsAt(SectorLevel.Division))
            if (!rows.ContainsKey(d.Code))
                throw new InputException($"division {d.Code} ({d.Name}) has no row: every division needs a class", path, null, "sic2007");
        return new TradeClassification(rows, sic, path);
    }

    /// <summary>The class of a sector at any level, with the reason of the row it came from and that row's code.</summary>
    public (TradeClass Class, string Reason, string Code) Classify(string sectorCode)
    {
        var code = SicHierarchy.Clean(sectorCode);
        if (SicHierarchy.LevelOf(code) == SectorLevel.Section)
        {
            var divisions = _sic.Subclasses.Where(s => s.Section == code).Select(s => s.DivisionCode).Distinct().ToArray();
            if (divisions.Length == 0) throw new ArgumentException("unknown SIC section " + sectorCode, nameof(sectorCode));
            var classes = divisions.Select(d => _rows[d].Class).Distinct().ToArray();
            if (classes.Length == 1) return (classes[0], "every division of the section is " + Name(classes[0]), code);
            // Mixed divisions do not decide a section: it is traded when none of its divisions is local, local when none is traded.
            if (!classes.Contains(TradeClass.Local)) return (TradeClass.Traded, "the section's divisions are traded or mixed, none local", code);
            if (!classes.Contains(TradeClass.Traded)) return (TradeClass.Local, "the section's divisions are local or mixed, none traded", code);
            return (TradeClass.Mixed, "the section holds traded and local divisions", code);
        }
        if (code.Length == 6) code = code[..5];
        for (int len = Math.Min(code.Length, 4); len >= 2; len--)
            if (_rows.TryGetValue(code[..len], out var row)) return (row.Class, row.Reason, code[..len]);
        throw new ArgumentException("SIC code " + sectorCode + " has no classified division", nameof(sectorCode));
    }

    /// <summary>"traded", "mixed" or "local", as the file and the output tables spell it.</summary>
    public static string Name(TradeClass c) => c switch
    {
        TradeClass.Traded => "traded",
        TradeClass.Mixed => "mixed",
        _ => "local",
    };

    /// <summary>Parses "traded", "mixed" or "local"; null for anything else.</summary>
    public static TradeClass? Parse(string text) => text switch
    {
        "traded" => TradeClass.Traded,
        "mixed" => TradeClass.Mixed,
        "local" => TradeClass.Local,
        _ => null,
    };
}
