using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Tests.Technologies;

public class TaggerTests
{
    internal static readonly TechnologyTaxonomy Taxonomy =
        TechnologyTaxonomy.Load(Path.Combine(TestData.Datasets, "technologies", "taxonomy.yaml"));

    internal static readonly TechnologyTagger Tagger = new(Taxonomy);

    private static string Ids(string? text, string? cpc = null) =>
        string.Join(';', Tagger.Tag(text, cpc).Select(h => h.TechnologyId));

    [Fact]
    public void Taxonomy_has_the_fifteen_stable_ids_in_order_with_sources_and_families()
    {
        string[] required =
        [
            "ai", "engineering_biology", "future_telecoms", "semiconductors", "quantum",
            "advanced_manufacturing", "advanced_materials", "life_science_tech", "micro_nano_electronics", "photonics", "nanotechnology",
            "batteries_electrification", "hydrogen", "heat_pumps_retrofit", "low_carbon_vehicles",
        ];
        Assert.Equal(required, Taxonomy.Technologies.Take(15).Select(t => t.Id));
        Assert.All(Taxonomy.Technologies, t =>
        {
            Assert.NotEmpty(t.Sources);
            Assert.NotEmpty(t.CpcPrefixes);
            Assert.Contains(t.Family, TechnologyTaxonomy.Families);
        });
        Assert.Equal(5, Taxonomy.Technologies.Count(t => t.Family == "uk_critical"));
        Assert.Equal(6, Taxonomy.Technologies.Count(t => t.Family == "eu_ket"));
    }

    /// <summary>The shared contract docs/technology-phrases.md: the micro-data generator writes these phrases.</summary>
    public static TheoryData<string, string> ContractPhrases()
    {
        var d = new TheoryData<string, string>();
        void Add(string id, params string[] phrases) { foreach (var p in phrases) d.Add(id, p); }
        Add("ai", "artificial intelligence", "machine learning", "computer vision", "AI software", "natural language processing");
        Add("engineering_biology", "synthetic biology", "genome editing", "bioprocessing", "engineered enzymes");
        Add("future_telecoms", "5G network", "fibre broadband", "telecommunications equipment", "satellite communications");
        Add("semiconductors", "semiconductor", "microchip design", "compound semiconductors", "wafer fabrication");
        Add("quantum", "quantum computing", "quantum sensing", "quantum cryptography");
        Add("advanced_manufacturing", "additive manufacturing", "3D printing", "industrial robotics", "precision machining", "digital twin");
        Add("advanced_materials", "composite materials", "advanced ceramics", "carbon fibre", "lightweight alloys");
        Add("life_science_tech", "medical devices", "diagnostics", "biopharmaceutical", "clinical trials");
        Add("micro_nano_electronics", "printed circuit boards", "embedded electronics", "microelectronics", "sensors");
        Add("photonics", "photonics", "laser systems", "optical components", "lidar");
        Add("nanotechnology", "nanotechnology", "nanomaterials", "graphene");
        Add("batteries_electrification", "battery packs", "battery cells", "power electronics", "electric motors", "energy storage");
        Add("hydrogen", "hydrogen fuel cells", "electrolysers", "green hydrogen");
        Add("heat_pumps_retrofit", "heat pump installation", "heat pumps", "retrofit", "external wall insulation", "loft insulation", "solar PV installation");
        Add("low_carbon_vehicles", "electric vehicles", "EV charging", "hybrid powertrains", "zero emission buses");
        return d;
    }

    [Theory]
    [MemberData(nameof(ContractPhrases))]
    public void Every_contract_phrase_is_detected_in_a_sentence(string id, string phrase)
    {
        var hits = Tagger.Tag($"Our firm, based in Coventry, specialises in {phrase} for UK and export customers.");
        Assert.Contains(hits, h => h.TechnologyId == id && h.Kind == EvidenceKind.Phrase);
        // Upper case and trailing punctuation change nothing.
        Assert.Contains(Tagger.Tag(phrase.ToUpperInvariant() + "."), h => h.TechnologyId == id);
    }

    [Theory]
    [InlineData("He said the invoice was paid and we maintain the premises.")]
    [InlineData("Manufacture of wafer biscuits and ice cream cones")]
    [InlineData("Wholesale of hydrogen peroxide bleach and cleaning chemicals")]
    [InlineData("Laser tag arena and children's party venue")]
    [InlineData("Non-destructive testing of retro fittings")]
    [InlineData("Film censors and classification consultancy")]
    [InlineData("Fish and chips takeaway; potato chips; wood chip boiler fuel")]
    [InlineData("Supply and fitting of composite doors and uPVC windows")]
    [InlineData("Mobile car diagnostics and servicing")]
    [InlineData("Battery hens and free range egg production")]
    [InlineData("A quantum leap in customer service: retail of paint")]
    [InlineData("Laser hair removal clinic")]
    [InlineData("Bovine AI services for dairy farmers")]
    [InlineData("Liaison with film censors; payroll for staff paid weekly; customers said service was excellent; we maintain commercial premises")]
    [InlineData("47429 : Retail sale of telecommunications equipment (other than mobile telephones) in specialised stores")]
    [InlineData("")]
    [InlineData(null)]
    public void Near_misses_are_not_tagged(string? text) => Assert.Equal("", Ids(text));

    [Theory]
    [InlineData("AI-driven logistics", "ai", "AI")]
    [InlineData("A.I. consultancy; ai software houses", "ai", "AI|AI software")]
    [InlineData("Installer of air-source HEAT PUMPS", "heat_pumps_retrofit", "heat pumps|air source heat pumps")]
    [InlineData("installs a heat pump", "heat_pumps_retrofit", "heat pumps")]
    [InlineData("supplier of battery pack and lithium-ion battery", "batteries_electrification", "battery packs|lithium ion batteries")]
    [InlineData("zero-emission bus maker", "low_carbon_vehicles", "zero emission buses")]
    [InlineData("developer of medical device software", "life_science_tech", "medical devices")]
    [InlineData("Laser system integrator", "photonics", "lasers|laser systems")]
    [InlineData("manufacturer's digital twins; Industry 4.0", "advanced_manufacturing", "digital twins|industry 4.0")]
    [InlineData("Distribution of sensor", "micro_nano_electronics", "sensors")]
    [InlineData("cloud platform\nfor natural-language processing", "ai", "natural language processing")]
    public void Plurals_punctuation_and_case_fold_to_the_taxonomy_phrase(string text, string id, string evidence)
    {
        var hit = Assert.Single(Tagger.Tag(text), h => h.TechnologyId == id);
        Assert.Equal(evidence, hit.Evidence);
        Assert.Equal(EvidenceKind.Phrase, hit.Kind);
    }

    [Fact]
    public void An_exclusion_suppresses_only_the_occurrence_it_overlaps()
    {
        Assert.Equal("", Ids("hydrogen peroxide"));
        var hit = Assert.Single(Tagger.Tag("Green hydrogen electrolysis; we also sell hydrogen peroxide."));
        Assert.Equal("hydrogen", hit.TechnologyId);
        // "hydrogen" counts from inside "green hydrogen" (no exclusion overlaps it), not from "hydrogen peroxide".
        Assert.Equal("hydrogen|green hydrogen", hit.Evidence);
        Assert.Equal("hydrogen", Ids("Hydrogen refuelling stations and hydrogen peroxide"));
        // An exclusion of another technology does not suppress: "laser tag" is photonics' exclusion only.
        Assert.Equal("", Ids("laser tag"));
    }

    [Fact]
    public void Hits_follow_taxonomy_order_with_one_hit_per_technology()
    {
        var hits = Tagger.Tag("EV charging and heat pumps; machine learning for battery cells; more machine learning");
        Assert.Equal(new[] { "ai", "batteries_electrification", "heat_pumps_retrofit", "low_carbon_vehicles", "ev_charging" }, hits.Select(h => h.TechnologyId));
        Assert.Equal("machine learning", hits[0].Evidence);
    }

    [Theory]
    [InlineData("G06N 3/08", "ai", "G06N3/08")]
    [InlineData("g06n3/08", "ai", "G06N3/08")]
    [InlineData("G06N 10/00", "quantum", "G06N10/00")]
    [InlineData("H01M 10/0525", "batteries_electrification", "H01M10/0525")]
    [InlineData("H01M 8/10", "hydrogen", "H01M8/10")]
    [InlineData("B33Y 10/00", "advanced_manufacturing", "B33Y10/00")]
    [InlineData("H10K 50/00", "semiconductors", "H10K50/00")]
    [InlineData("B82Y 30/00", "nanotechnology", "B82Y30/00")]
    public void Cpc_codes_match_by_prefix_after_normalisation(string codes, string id, string evidence)
    {
        var hit = Assert.Single(Tagger.Tag(null, codes), h => h.TechnologyId == id);
        Assert.Equal(evidence, hit.Evidence);
        Assert.Equal(EvidenceKind.Cpc, hit.Kind);
    }

    [Fact]
    public void Cpc_lists_split_on_separators_and_main_groups_do_not_run_together()
    {
        Assert.Equal(new[] { "G06N3/08", "H01L21/02", "B60L53/10" }, CpcCodes.Split("G06N 3/08; H01L 21/02,B60L53/10"));
        Assert.Equal(new[] { "G06N3/08", "H01L21/02" }, CpcCodes.Split("G06N 3/08 H01L 21/02"));
        Assert.True(CpcCodes.Matches("G06N10/00", "G06N10"));
        Assert.False(CpcCodes.Matches("G06N100/00", "G06N10"));
        Assert.False(CpcCodes.Matches("H01M80/00", "H01M8"));
        Assert.True(CpcCodes.Matches("H01M10/052", "H01M10/05"));
        Assert.False(CpcCodes.Matches("H01M4/00", "H01M10"));
        // ai holds G06N3/5/7/20 but not G06N10 (quantum).
        Assert.Equal("quantum", Ids(null, "G06N10/40"));
        Assert.Equal("ai;quantum", Ids(null, "G06N 20/00; G06N 10/40"));
    }

    [Fact]
    public void Phrase_and_cpc_evidence_combine_in_one_hit()
    {
        var hit = Assert.Single(Tagger.Tag("machine learning", "G06N 20/00"));
        Assert.Equal("machine learning|G06N20/00", hit.Evidence);
        Assert.Equal(EvidenceKind.Phrase, hit.Kind);
    }

    [Fact]
    public void Mask_agrees_with_tag_on_seeded_random_descriptions()
    {
        var words = "the of and for ai said paid heat pumps pump battery cells cell hydrogen peroxide green laser tag systems semiconductor wafer biscuits machine learning sensors 3d printing ev charging retrofit insulation loft solar pv installation".Split(' ');
        var rng = new Random(20261123);
        int tagged = 0;
        for (int i = 0; i < 2000; i++)
        {
            var text = string.Join(rng.Next(3) == 0 ? ", " : " ", Enumerable.Range(0, rng.Next(1, 12)).Select(_ => words[rng.Next(words.Length)]));
            var hits = Tagger.Tag(text);
            ulong expected = 0;
            foreach (var h in hits) expected |= 1UL << Taxonomy.IndexOf(h.TechnologyId);
            Assert.Equal(expected, Tagger.TagMask(text));
            Assert.Equal(hits, Tagger.Tag(text)); // deterministic, no state carried between calls
            if (hits.Count > 0) tagged++;
        }
        Assert.InRange(tagged, 200, 1999);
        var texts = Enumerable.Range(0, 500).Select(i => (string?)string.Join(' ', words.Skip(i % words.Length).Take(4))).ToArray();
        Assert.Equal(texts.Select(t => Tagger.TagMask(t)), Tagger.TagMasks(texts));
    }

    [Theory]
    [InlineData("version: 1\nsources: [{id: s, name: S}]\ntechnologies:\n  - id: Bad-Id\n    name: X\n    family: net_zero\n    sources: [s]\n    phrases: [x]\n", "lower-case", 4L)]
    [InlineData("version: 1\nsources: [{id: s, name: S}]\ntechnologies:\n  - id: x\n    name: X\n    family: other\n    sources: [s]\n    phrases: [x]\n", "family", 4L)]
    [InlineData("version: 1\nsources: [{id: s, name: S}]\ntechnologies:\n  - id: x\n    name: X\n    family: net_zero\n    sources: [nope]\n    phrases: [x]\n", "source 'nope'", 4L)]
    [InlineData("version: 1\nsources: [{id: s, name: S}]\ntechnologies:\n  - id: x\n    name: X\n    family: net_zero\n    sources: [s]\n    phrases: [x]\n    cpc: [G6N]\n", "CPC prefix", 4L)]
    [InlineData("version: 1\nsources: [{id: s, name: S}]\ntechnologies:\n  - id: x\n    name: X\n    family: net_zero\n    sources: [s]\n    phrases: [Heat-Pumps, heat pumps]\n", "repeats", 4L)]
    public void Bad_taxonomy_is_an_input_error_with_line(string yaml, string message, long line)
    {
        var e = Assert.Throws<InputException>(() => TechnologyTaxonomy.Parse(yaml, "tax.yaml"));
        Assert.Contains(message, e.Message);
        Assert.Equal(line, e.Line);
        Assert.Equal("tax.yaml", e.File);
    }
}
