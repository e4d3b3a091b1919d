using CompeteModel.Engine.IO;
using CompeteModel.Engine.Procurement;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Tests.Procurement;

/// <summary>
/// Precision and recall of the retrofit tags on a labelled evaluation set: every distinct notice of the 2025
/// sample (191 ocids, rejected ones included: tagging needs no value), labelled by hand with a reason
/// (tests/Fixtures/procurement/retrofit_labels.csv). A notice is predicted retrofit when it carries any tag.
/// The numbers are reported in docs/METHODS.md ("Retrofit lexicon").
/// </summary>
public class RetrofitEvaluationTests
{
    private static readonly Lazy<Dictionary<string, string?>> Texts = new(() =>
    {
        // The classifier's text: the latest non-empty title and description of each ocid, joined "title. description".
        var read = OcdsReader.Read(Sample.Data.Value.DefaultInput);
        var byOcid = new Dictionary<string, (string? Title, string? Description)>(StringComparer.Ordinal);
        foreach (var r in read.Releases.Select((r, i) => (r, i)).OrderBy(x => x.r.Date).ThenBy(x => x.i).Select(x => x.r))
        {
            var prev = byOcid.GetValueOrDefault(r.Ocid);
            byOcid[r.Ocid] = (r.Title ?? prev.Title, r.Description ?? prev.Description);
        }
        return byOcid.ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            (null, null) => null,
            (string t, null) => t,
            (null, string d) => d,
            (string t, string d) => t + ". " + d,
        }, StringComparer.Ordinal);
    });

    private static List<(string Ocid, bool Retrofit, string Reason)> Labels()
    {
        using var csv = CsvReader.Open(TestData.Fixture("procurement/retrofit_labels.csv"));
        var h = csv.ReadHeader();
        int cO = h.Require("ocid"), cR = h.Require("retrofit"), cW = h.Require("reason");
        var list = new List<(string, bool, string)>();
        while (csv.Read()) list.Add((csv.Fields[cO], csv.Fields[cR] == "1", csv.Fields[cW]));
        return list;
    }

    private static (int Tp, int Fp, int Fn, int Tn, List<string> Errors) Score(Func<string?, bool> predict)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var errors = new List<string>();
        foreach (var (ocid, label, _) in Labels())
        {
            bool p = predict(Texts.Value[ocid]);
            if (p && label) tp++;
            else if (p) { fp++; errors.Add("FP " + ocid[^12..]); }
            else if (label) { fn++; errors.Add("FN " + ocid[^12..]); }
            else tn++;
        }
        return (tp, fp, fn, tn, errors);
    }

    [Fact]
    public void The_label_set_covers_every_notice_once_with_a_reason()
    {
        var labels = Labels();
        Assert.Equal(191, labels.Count);
        Assert.Equal(191, labels.Select(l => l.Ocid).Distinct().Count());
        Assert.Equal(Texts.Value.Keys.Order(StringComparer.Ordinal), labels.Select(l => l.Ocid).Order(StringComparer.Ordinal));
        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
        Assert.Equal(6, labels.Count(l => l.Retrofit));
    }

    [Fact]
    public void Retrofit_lexicon_precision_and_recall()
    {
        var tagger = Sample.Data.Value.RetrofitTagger;
        var (tp, fp, fn, tn, errors) = Score(text => tagger.Tag(text).Count > 0);
        // Missed: Places for People's planned-works framework, which writes "Windows/Doors component replacements".
        Assert.Equal(["FN c5d1578e412f"], errors);
        Assert.Equal((5, 0, 1, 185), (tp, fp, fn, tn));
        Assert.Equal(1.0, Precision(tp, fp));
        Assert.Equal(5 / 6.0, Recall(tp, fn), 12);
    }

    [Fact]
    public void Taxonomy_retrofit_and_solar_tags_for_comparison()
    {
        // The enabling-technology taxonomy's heat_pumps_retrofit or solar_pv (with the cleaning exclusions):
        // it misses both glazing notices.
        var tagger = Sample.Data.Value.Tagger;
        var (tp, fp, fn, tn, errors) = Score(text => tagger.Tag(text).Any(h => h.TechnologyId is "heat_pumps_retrofit" or "solar_pv"));
        Assert.Equal(["FN 0547477d0f9f", "FN c5d1578e412f"], errors.Order(StringComparer.Ordinal));
        Assert.Equal((4, 0, 2, 185), (tp, fp, fn, tn));
        Assert.Equal(4 / 6.0, Recall(tp, fn), 12);
    }

    [Fact]
    public void Each_exclusion_removes_an_incidental_mention()
    {
        var lexicon = Sample.Data.Value.RetrofitTagger;
        Assert.Empty(lexicon.Tag("high level cleaning of gutters and cleaning of the solar panels"));
        Assert.Single(lexicon.Tag("installation of solar panels on 40 homes"));
        Assert.Empty(lexicon.Tag("insulation resistance testing of electrical circuits"));
        Assert.Empty(lexicon.Tag("a study of retrofit skills in the region to reach net zero"));
        Assert.Equal("retrofit_coordination", Assert.Single(lexicon.Tag("PAS 2035 retrofit coordinator services")).TechnologyId);
        Assert.Equal("retrofit_funding", Assert.Single(lexicon.Tag("works funded by the Social Housing Decarbonisation Fund")).TechnologyId);
    }

    private static double Precision(int tp, int fp) => tp + fp == 0 ? double.NaN : (double)tp / (tp + fp);

    private static double Recall(int tp, int fn) => tp + fn == 0 ? double.NaN : (double)tp / (tp + fn);
}
