namespace CompeteModel.Engine.Generation;

/// <summary>
/// Wording for generated activity descriptions: per SIC prefix, the technology phrases of the shared
/// contract (docs/technology-phrases.md) a firm in that sector may mention, the share of firms that do, and
/// near-miss wording in unrelated sectors that a technology tagger must not take for a technology.
/// Also a few CPC (Cooperative Patent Classification) subclasses for R&amp;D-heavy sectors.
/// </summary>
internal static class TechPhrases
{
    /// <summary>SIC prefix → (probability that a firm mentions a phrase, phrases). Longest prefix wins.</summary>
    public static readonly (string Prefix, double P, string[] Phrases)[] Tech =
    [
        ("2910", 0.30, ["electric vehicles", "battery packs", "hybrid powertrains", "power electronics", "electric motors"]),
        ("2920", 0.20, ["electric vehicles", "zero emission buses", "lightweight alloys"]),
        ("293", 0.25, ["battery packs", "power electronics", "electric motors", "hybrid powertrains", "EV charging", "sensors"]),
        ("30", 0.15, ["zero emission buses", "hydrogen fuel cells", "carbon fibre", "lightweight alloys", "composite materials"]),
        ("27", 0.25, ["battery cells", "battery packs", "energy storage", "electric motors", "power electronics", "EV charging"]),
        ("261", 0.35, ["semiconductor", "microchip design", "compound semiconductors", "wafer fabrication", "printed circuit boards", "microelectronics", "embedded electronics"]),
        ("262", 0.20, ["embedded electronics", "quantum computing", "sensors"]),
        ("263", 0.30, ["telecommunications equipment", "5G network", "satellite communications"]),
        ("265", 0.30, ["sensors", "quantum sensing", "lidar", "diagnostics"]),
        ("266", 0.30, ["medical devices", "diagnostics", "sensors"]),
        ("267", 0.35, ["photonics", "laser systems", "optical components", "lidar"]),
        ("26", 0.20, ["sensors", "embedded electronics", "printed circuit boards", "semiconductor"]),
        ("61", 0.25, ["5G network", "fibre broadband", "satellite communications", "telecommunications equipment"]),
        ("62", 0.20, ["machine learning", "artificial intelligence", "computer vision", "AI software", "natural language processing", "quantum computing", "quantum cryptography", "digital twin"]),
        ("631", 0.15, ["machine learning", "artificial intelligence", "AI software", "natural language processing"]),
        ("4321", 0.15, ["heat pump installation", "solar PV installation", "EV charging"]),
        ("4322", 0.15, ["heat pump installation", "heat pumps", "retrofit"]),
        ("4329", 0.20, ["external wall insulation", "loft insulation", "retrofit"]),
        ("43", 0.04, ["retrofit", "heat pump installation", "external wall insulation", "solar PV installation"]),
        ("7211", 0.40, ["synthetic biology", "genome editing", "bioprocessing", "engineered enzymes"]),
        ("72", 0.25, ["nanotechnology", "nanomaterials", "graphene", "quantum computing", "advanced ceramics", "clinical trials", "compound semiconductors"]),
        ("21", 0.30, ["biopharmaceutical", "clinical trials", "bioprocessing"]),
        ("325", 0.35, ["medical devices", "diagnostics"]),
        ("28", 0.12, ["additive manufacturing", "3D printing", "industrial robotics", "precision machining", "electrolysers"]),
        ("2562", 0.20, ["precision machining", "additive manufacturing", "3D printing"]),
        ("222", 0.08, ["composite materials", "carbon fibre"]),
        ("23", 0.05, ["advanced ceramics", "composite materials"]),
        ("24", 0.08, ["lightweight alloys", "advanced ceramics", "carbon fibre"]),
        ("20", 0.08, ["hydrogen fuel cells", "green hydrogen", "nanomaterials", "graphene"]),
        ("35", 0.15, ["green hydrogen", "energy storage", "electrolysers"]),
        ("71", 0.05, ["digital twin", "additive manufacturing", "industrial robotics"]),
        ("86", 0.03, ["diagnostics", "clinical trials"]),
    ];

    /// <summary>SIC prefix → near-miss wording (probability 0.10): words that look like technology phrases but are not.</summary>
    public static readonly (string Prefix, string[] Phrases)[] NearMiss =
    [
        ("107", ["wafer biscuits"]),
        ("201", ["hydrogen peroxide bleach"]),
        ("204", ["hydrogen peroxide bleach"]),
        ("932", ["laser tag arena"]),
        ("931", ["laser tag arena"]),
        ("591", ["liaison with film censors"]),
        ("69", ["payroll for staff paid weekly"]),
        ("81", ["we maintain commercial premises"]),
        ("82", ["customers said service was excellent"]),
        ("712", ["non-destructive testing of retro fittings"]),
    ];

    public const double NearMissProbability = 0.10;

    /// <summary>SIC prefix → CPC subclasses; a share <see cref="CpcProbability"/> of firms there carry one.</summary>
    public static readonly (string Prefix, string Cpc)[] CpcBySector =
    [
        ("21", "A61K;A61P"), ("265", "G01N"), ("261", "H01L"), ("26", "H01L;G01S"), ("27", "H01M"), ("28", "B33Y;B25J"),
        ("29", "B60L"), ("30", "B64D"), ("62", "G06N"), ("7211", "C12N"), ("72", "C12N;G06N"), ("325", "A61B"),
    ];

    public const double CpcProbability = 0.04;

    /// <summary>The entry whose prefix is the longest match for a subclass code, or −1.</summary>
    public static int Match<T>(IReadOnlyList<T> table, Func<T, string> prefix, string code)
    {
        int best = -1, bestLen = 0;
        for (int i = 0; i < table.Count; i++)
        {
            var p = prefix(table[i]);
            if (p.Length > bestLen && code.StartsWith(p, StringComparison.Ordinal)) { best = i; bestLen = p.Length; }
        }
        return best;
    }

    public static readonly string[] Templates =
    [
        "{0}",
        "{0} business",
        "Independent firm: {1}",
        "{0}, serving customers across {2}",
        "Family-owned company engaged in {1}",
        "{0} and related services",
        "Specialist provider of {1}",
        "{0} for trade and private customers",
    ];

    public static readonly string[] TechLinks = [" specialising in {0}", ", with a focus on {0}", "; {0}", " including {0}"];

    /// <summary>Turnover per employee by SIC section, £ thousand: round figures of the order the ONS Annual Business Survey reports, for plausibility only.</summary>
    public static double TurnoverPerEmployee(string section) => section switch
    {
        "A" => 100,
        "B" => 400,
        "C" => 180,
        "D" => 900,
        "E" => 200,
        "F" => 170,
        "G" => 250,
        "H" => 130,
        "I" => 55,
        "J" => 150,
        "K" => 300,
        "L" => 220,
        "M" => 110,
        "N" => 70,
        "O" => 60,
        "P" => 40,
        "Q" => 45,
        "R" => 70,
        "S" => 60,
        "T" => 30,
        _ => 100,
    };
}
