using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// Postcode → local authority district, from the ONS Postcode Directory as published by mySociety's
/// mini-postcode-lookup in range form (<c>postcode_ranges_lad.csv.gz</c>: columns range_start, lad_code;
/// sorted). Rule (the file's own): a postcode belongs to the range with the greatest
/// range_start ≤ it, comparing compact postcodes as base-36 integers (<see cref="Postcode.Value"/>).
/// Because the ranges cover only real postcodes, a postcode whose area (leading letters) differs from
/// its range's area is not in the directory (<see cref="PostcodeOutcome.AreaNotInDirectory"/>) rather
/// than placed in the neighbouring area. Districts are those of the directory's vintage (before the
/// April 2023 unitary reorganisations in Cumbria, North Yorkshire and Somerset); the shipped geography
/// lists those districts with their ITL areas and city regions, so the city region is found through it.
/// Lookups are a binary search over one sorted <c>long[]</c>.
/// </summary>
public sealed class PostcodeLookup
{
    /// <summary>The directory's code for a range without a district.</summary>
    public const string NoDistrictCode = "nan";

    private readonly long[] _starts;
    private readonly string[] _startText;
    private readonly string[] _codes;
    private readonly GeographyModel? _geography;

    private PostcodeLookup(long[] starts, string[] startText, string[] codes, GeographyModel? geography)
    {
        _starts = starts;
        _startText = startText;
        _codes = codes;
        _geography = geography;
    }

    /// <summary>Number of ranges.</summary>
    public int Count => _starts.Length;

    /// <summary>
    /// Reads the range table. Every range_start must be a compact upper-case postcode prefix
    /// (letters and digits) and strictly greater than the one before; lad_code must not be empty.
    /// With a <paramref name="geography"/>, districts are resolved to <see cref="Lad"/>s (and so city regions).
    /// </summary>
    public static PostcodeLookup Read(string path, GeographyModel? geography = null)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cStart = h.Require("range_start"), cCode = h.Require("lad_code");
        var starts = new List<long>(70_000);
        var text = new List<string>(70_000);
        var codes = new List<string>(70_000);
        var intern = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", path, csv.RecordLine);
            var start = f[cStart].Trim();
            long v = start.Length is >= 2 and <= 7 ? Postcode.Base36(start) : -1;
            if (v < 0) throw new InputException($"range_start '{start}' is not a compact upper-case postcode (letters and digits, no space)", path, csv.RecordLine, "range_start");
            if (starts.Count > 0 && v <= starts[^1])
                throw new InputException($"range_start '{start}' does not follow '{text[^1]}': the ranges must be sorted by postcode (base 36)", path, csv.RecordLine, "range_start");
            var code = f[cCode].Trim();
            if (code.Length == 0) throw new InputException("empty lad_code (the directory writes 'nan' for a range without a district)", path, csv.RecordLine, "lad_code");
            if (!intern.TryGetValue(code, out var c)) intern[code] = c = code;
            starts.Add(v);
            text.Add(start);
            codes.Add(c);
        }
        if (starts.Count == 0) throw new InputException("the postcode range table has no rows", path);
        return new PostcodeLookup(starts.ToArray(), text.ToArray(), codes.ToArray(), geography);
    }

    /// <summary>The district of a postcode (see the type's rule), resolved through the geography when one was given.</summary>
    public PostcodeDistrict Find(Postcode postcode)
    {
        int i = Array.BinarySearch(_starts, postcode.Value);
        if (i < 0) i = ~i - 1;
        if (i < 0 || !SameArea(_startText[i], postcode.Area)) return new PostcodeDistrict(postcode, null, null, PostcodeOutcome.AreaNotInDirectory);
        var code = _codes[i];
        if (code == NoDistrictCode) return new PostcodeDistrict(postcode, null, null, PostcodeOutcome.NoDistrict);
        if (code is "L99999999" or "M99999999") return new PostcodeDistrict(postcode, code, null, PostcodeOutcome.CrownDependency);
        if (_geography is null) return new PostcodeDistrict(postcode, code, null, PostcodeOutcome.District);
        return _geography.TryGetLad(code, out var lad)
            ? new PostcodeDistrict(postcode, lad.Code, lad, PostcodeOutcome.District)
            : new PostcodeDistrict(postcode, code, null, PostcodeOutcome.DistrictNotInGeography);
    }

    /// <summary>Parses the text as a postcode (<see cref="Postcode.TryParse"/>) and finds its district; null when the shape is not a postcode's.</summary>
    public PostcodeDistrict? Find(string? text) => Postcode.TryParse(text, out var p) ? Find(p) : null;

    private static bool SameArea(string rangeStart, string area)
    {
        int n = 0;
        while (n < rangeStart.Length && rangeStart[n] is >= 'A' and <= 'Z') n++;
        return n == area.Length && string.CompareOrdinal(rangeStart, 0, area, 0, n) == 0;
    }
}
