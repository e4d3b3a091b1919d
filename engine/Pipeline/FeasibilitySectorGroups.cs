namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The ten NACE Rev. 2 section groups of Eurostat's national accounts breakdown A*10 (A; B-E; F; G-I; J; K; L; M_N;
/// O-Q; R-U — the codes as in the EU-28 employment reference), and the map from SIC 2007 divisions onto them. SIC 2007 divisions are
/// NACE Rev. 2 divisions (ONS, "UK SIC 2007", section 1.2), so the map is by division range:
/// A 01–03; B-E 05–39; F 41–43; G-I 45–56; J 58–63; K 64–66; L 68; M_N 69–82; O-Q 84–88; R-U 90–99.
/// </summary>
public static class FeasibilitySectorGroups
{
    private static readonly (string Group, int First, int Last, string Sections, string Name)[] Table =
    [
        ("A", 1, 3, "A", "Agriculture, forestry and fishing"),
        ("B-E", 5, 39, "BCDE", "Industry (except construction)"),
        ("F", 41, 43, "F", "Construction"),
        ("G-I", 45, 56, "GHI", "Wholesale and retail trade, transport, accommodation and food service activities"),
        ("J", 58, 63, "J", "Information and communication"),
        ("K", 64, 66, "K", "Financial and insurance activities"),
        ("L", 68, 68, "L", "Real estate activities"),
        ("M_N", 69, 82, "MN", "Professional, scientific and technical activities; administrative and support service activities"),
        ("O-Q", 84, 88, "OPQ", "Public administration, defence, education, human health and social work activities"),
        ("R-U", 90, 99, "RSTU", "Arts, entertainment and recreation; other services; households as employers; extra-territorial organisations"),
    ];

    /// <summary>The group codes in A*10 order.</summary>
    public static IReadOnlyList<string> Groups { get; } = Table.Select(t => t.Group).ToArray();

    /// <summary>Group code → English name (Eurostat's A*10 labels, shortened).</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = Table.ToDictionary(t => t.Group, t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// The group of a SIC 2007 division, given as its two digits ("29") or any finer code that starts with them
    /// ("29.1", "2910", "29100"); null when the code does not start with two digits or names no division in a group
    /// (e.g. "04", "40").
    /// </summary>
    public static string? OfDivision(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = code.Trim();
        if (c.Length < 2 || !char.IsAsciiDigit(c[0]) || !char.IsAsciiDigit(c[1])) return null;
        if (c.Length > 2 && !char.IsAsciiDigit(c[2]) && c[2] != '.') return null;
        int d = (c[0] - '0') * 10 + (c[1] - '0');
        foreach (var t in Table) if (d >= t.First && d <= t.Last) return t.Group;
        return null;
    }

    /// <summary>The group of a SIC 2007 / NACE Rev. 2 section letter (A–U), or null.</summary>
    public static string? OfSection(string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var s = section.Trim();
        if (s.Length != 1) return null;
        foreach (var t in Table) if (t.Sections.Contains(s[0], StringComparison.Ordinal)) return t.Group;
        return null;
    }
}
