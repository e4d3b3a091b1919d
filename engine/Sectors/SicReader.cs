using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Sectors;

/// <summary>
/// Reads the SIC 2007 hierarchy (the catalogue's <c>sic-hierarchy</c>; NOMIS form: "25620 : Machining" labels, section codes "C (10-33)")
/// and, when given, a class-names file (<c>class,name</c>) for the classes split into several UK subclasses,
/// whose names the hierarchy file does not carry.
/// </summary>
public static class SicReader
{
    public static SicHierarchy Read(string hierarchyPath, string? classNamesPath = null)
    {
        using var csv = CsvReader.Open(hierarchyPath);
        var h = csv.ReadHeader();
        int c2 = h.Require("SIC_2DIGIT_CODE"), n2 = h.Require("SIC_2DIGIT_NAME"), c3 = h.Require("SIC_3DIGIT_CODE"),
            n3 = h.Require("SIC_3DIGIT_NAME"), c5 = h.Require("SIC_5DIGIT_CODE"), n5 = h.Require("SIC_5DIGIT_NAME"),
            cs = h.Require("SIC_SECTION_LETTER"), ns = h.Require("SIC_SECTION_NAME");
        var subs = new List<SicSubclass>();
        var names = new Dictionary<(SectorLevel, string), string>();
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", hierarchyPath, csv.RecordLine);
            var code = f[c5].Trim();
            if (code.Length != 5 || !code.All(char.IsAsciiDigit))
                throw new InputException($"'{code}' is not a 5-digit subclass code", hierarchyPath, csv.RecordLine, "SIC_5DIGIT_CODE");
            var div = f[c2].Trim();
            var grp = f[c3].Trim();
            var sec = f[cs].Trim().ToUpperInvariant();
            if (!code.StartsWith(div, StringComparison.Ordinal) || !code.StartsWith(grp, StringComparison.Ordinal))
                throw new InputException($"subclass {code} is not under division {div} / group {grp}", hierarchyPath, csv.RecordLine, "SIC_5DIGIT_CODE");
            subs.Add(new SicSubclass(code, StripLabel(f[n5]), code[..4], grp, div, sec));
            names[(SectorLevel.Subclass, code)] = StripLabel(f[n5]);
            names.TryAdd((SectorLevel.Group, grp), StripLabel(f[n3]));
            names.TryAdd((SectorLevel.Division, div), StripLabel(f[n2]));
            names.TryAdd((SectorLevel.Section, sec), f[ns].Trim());
        }
        // A class with a single subclass ("25620") carries that subclass's name.
        foreach (var g in subs.GroupBy(s => s.ClassCode))
            if (g.Count() == 1) names[(SectorLevel.Class, g.Key)] = g.First().Name;
        if (classNamesPath is not null)
        {
            using var cn = CsvReader.Open(classNamesPath);
            var ch = cn.ReadHeader();
            int cc = ch.Require("class"), cnm = ch.Require("name");
            while (cn.Read())
            {
                var cls = cn.Fields[cc].Trim();
                if (!subs.Any(s => s.ClassCode == cls))
                    throw new InputException($"class {cls} has no subclass in the hierarchy", classNamesPath, cn.RecordLine, "class");
                names[(SectorLevel.Class, cls)] = cn.Fields[cnm].Trim();
            }
        }
        return new SicHierarchy(subs, names);
    }

    /// <summary>"25620 : Machining" → "Machining".</summary>
    public static string StripLabel(string label)
    {
        var i = label.IndexOf(" : ", StringComparison.Ordinal);
        return (i >= 0 ? label[(i + 3)..] : label).Trim();
    }
}
