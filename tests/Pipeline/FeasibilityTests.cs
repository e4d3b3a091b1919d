using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Pipeline;

public class FeasibilityTests
{
    [Fact]
    public void Untied_rankings_worked_by_hand()
    {
        // national A1 B2 C3 D4 E5; city region A2 B1 C3 D5 E4.
        // d = (−1, 1, 0, −1, 1), Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8.
        // Pairs: 10; discordant (A,B) and (D,E) → τ = (8 − 2)/10 = 0.6.
        // Top 2: {A,B} vs {B,A} → 2; top 3: {A,B,C} both → 3; top 4: {A,B,C,D} vs {B,A,C,E} → 3.
        (string, int)[] nat = [("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", 5)];
        (string, int)[] city = [("E", 4), ("D", 5), ("C", 3), ("B", 1), ("A", 2)];
        var a = FeasibilityComparison.Compare(nat, city, topK: 2);
        Assert.Equal(5, a.Common);
        Assert.Equal(0.8, a.Spearman, 12);
        Assert.Equal(0.6, a.Kendall, 12);
        Assert.Equal(2, a.TopKOverlap);
        Assert.Equal(3, FeasibilityComparison.Compare(nat, city, topK: 3).TopKOverlap);
        var four = FeasibilityComparison.Compare(nat, city, topK: 4);
        Assert.Equal(3, four.TopKOverlap);
        Assert.Equal(0.75, four.TopKShare, 12);
        Assert.Equal(["A", "B", "C", "D", "E"], a.Units.Select(u => u.Unit));
        Assert.Equal([1.0, -1.0, 0.0, 1.0, -1.0], a.Units.Select(u => u.Difference));
        Assert.Equal(0.8, a.MeanAbsDifference, 12);
        Assert.Empty(a.OnlyNational);
        Assert.Empty(a.OnlyCityRegion);
        // the untied formula of the scoring engine gives the same numbers
        Assert.Equal(Correlation.Spearman([1, 2, 3, 4, 5], [2, 1, 3, 5, 4]), a.Spearman, 12);
    }

    [Fact]
    public void Units_ranked_on_one_side_only_are_left_out_and_the_rest_re_ranked()
    {
        // national A1 B2 C3 D4; city B1 X2 A3 C4. Shared A, B, C: national 1,2,3; city (by rank) B, A, C → A2 B1 C3.
        // d = (−1, 1, 0), Σd² = 2, ρ = 1 − 6·2/(3·8) = 0.5; pairs (A,B) discordant, (A,C), (B,C) concordant → τ = 1/3.
        var a = FeasibilityComparison.Compare([("A", 1), ("B", 2), ("C", 3), ("D", 4)], [("B", 1), ("X", 2), ("A", 3), ("C", 4)], topK: 1);
        Assert.Equal(3, a.Common);
        Assert.Equal(0.5, a.Spearman, 12);
        Assert.Equal(1.0 / 3, a.Kendall, 12);
        Assert.Equal(0, a.TopKOverlap); // A first nationally, B first in the city region
        Assert.Equal(["D"], a.OnlyNational);
        Assert.Equal(["X"], a.OnlyCityRegion);
        var au = a.Units.Single(u => u.Unit == "A");
        Assert.Equal((1, 3, 1.0, 2.0), (au.NationalRank, au.CityRegionRank, au.NationalCommonRank, au.CityRegionCommonRank));
    }

    [Fact]
    public void Tied_ranks_use_mid_ranks_and_tau_b()
    {
        // national A1 B2 C3; city A1 B1 C3 → mid-ranks (1.5, 1.5, 3).
        // Pearson of (1,2,3) and (1.5,1.5,3): deviations (−1,0,1) and (−0.5,−0.5,1): Σxy = 1.5, Σx² = 2, Σy² = 1.5
        // → ρ = 1.5/√3 = 0.866025. τ-b: (A,B) tied in the city only, (A,C) and (B,C) concordant: C − D = 2,
        // n0 = 3, n1 = 0, n2 = 1 → τ-b = 2/√(3·2) = 0.816497.
        var a = FeasibilityComparison.Compare([("A", 1), ("B", 2), ("C", 3)], [("A", 1), ("B", 1), ("C", 3)]);
        Assert.Equal(1.5 / Math.Sqrt(3), a.Spearman, 12);
        Assert.Equal(2 / Math.Sqrt(6), a.Kendall, 12);
        Assert.Equal([1.0, 2.5, 2.5, 4.0], Ranks.MidRanks([3, 7, 7, 9]));
        Assert.Throws<ArgumentException>(() => FeasibilityComparison.Compare([("A", 1), ("A", 2)], [("A", 1)]));
    }

    [Fact]
    public void Every_sic_division_maps_to_exactly_one_group_consistent_with_its_section()
    {
        var t = TableFiles.Read(TestData.Uk("sic2007_divisions_sections.csv"));
        var div = (string?[])t.Column("SIC_2DIGIT_CODE").Data;
        var sec = (string?[])t.Column("SIC_SECTION").Data;
        Assert.Equal(div.Length, div.Distinct().Count());
        var perGroup = FeasibilitySectorGroups.Groups.ToDictionary(g => g, _ => 0);
        for (int i = 0; i < div.Length; i++)
        {
            var g = FeasibilitySectorGroups.OfDivision(div[i]!);
            Assert.NotNull(g);
            Assert.Equal(FeasibilitySectorGroups.OfSection(sec[i]!), g);
            Assert.Single(FeasibilitySectorGroups.Groups, x => x == g);
            perGroup[g!]++;
        }
        Assert.Equal(div.Length, perGroup.Values.Sum());
        Assert.All(perGroup, kv => Assert.True(kv.Value > 0, kv.Key + " has no division"));
        // counted from the file's 84 divisions by section (it has no 07, and no T or U): B-E = B 4 + C 24 + D 1 + E 4 = 33;
        // M_N = M 7 + N 6 = 13; R-U = R 4 + S 3 = 7
        Assert.Equal(84, div.Length);
        Assert.Equal([3, 33, 3, 10, 6, 3, 1, 13, 5, 7], FeasibilitySectorGroups.Groups.Select(x => perGroup[x]));
        Assert.Equal("B-E", FeasibilitySectorGroups.OfDivision("29"));
        Assert.Equal("G-I", FeasibilitySectorGroups.OfDivision("45"));
        Assert.Equal("G-I", FeasibilitySectorGroups.OfDivision("56"));
        Assert.Equal("J", FeasibilitySectorGroups.OfDivision("62.01"));
        Assert.Equal("M_N", FeasibilitySectorGroups.OfDivision("82990"));
        Assert.Equal("R-U", FeasibilitySectorGroups.OfDivision("99"));
        Assert.Null(FeasibilitySectorGroups.OfDivision("04"));
        Assert.Null(FeasibilitySectorGroups.OfDivision("2A"));
    }

    [Fact]
    public void City_region_sectors_aggregate_to_groups_by_employment_weighted_composite()
    {
        // B-E: divisions 29 (composite 80, 100 jobs) and 10 (40, 300 jobs) → (80·100 + 40·300)/400 = 50.
        // J: 62 (70, 50 jobs) → 70. K: 64 unscored (NaN) → no composite. G-I: 45100 scored but 0 jobs → no composite.
        var g = FeasibilityComparison.AggregateToGroups([("29", 80, 100), ("10", 40, 300), ("62", 70, 50), ("64", double.NaN, 10), ("45100", 50, 0)]);
        Assert.Equal(FeasibilitySectorGroups.Groups, g.Select(x => x.Group));
        var be = g.Single(x => x.Group == "B-E");
        Assert.Equal((50.0, 2, 2, 2, 400.0), (be.Composite, be.Rank!.Value, be.Sectors, be.SectorsScored, be.Employment));
        Assert.Equal(1, g.Single(x => x.Group == "J").Rank);
        var k = g.Single(x => x.Group == "K");
        Assert.True(double.IsNaN(k.Composite));
        Assert.Null(k.Rank);
        Assert.Equal((1, 0), (k.Sectors, k.SectorsScored));
        Assert.Null(g.Single(x => x.Group == "G-I").Rank);
        Assert.Equal([("J", 1), ("B-E", 2)], FeasibilityComparison.Ranking(g).OrderBy(x => x.Rank));
        Assert.Throws<ArgumentException>(() => FeasibilityComparison.AggregateToGroups([("40", 1, 1)]));
    }

    [Fact]
    public void Report_compares_the_uk_national_run_with_a_city_region_group_ranking()
    {
        var uk = NationalData.UkEu28.Value;
        var national = uk.Score.Units.Select(u => (u.Code, u.Rank)).ToArray();
        // a city-region ranking that reverses the national one on the top two groups and lacks the bottom one
        var top = uk.Score.Units.Select(u => u.Code).ToArray();
        var city = top.Take(9).Select((c, i) => (c, i == 0 ? 2 : i == 1 ? 1 : i + 1)).ToArray();
        var agreement = FeasibilityComparison.Compare(national, city);
        // 9 shared units, one adjacent swap: Σd² = 2, ρ = 1 − 12/(9·80) = 0.98333; τ = (36 − 2)/36 = 0.94444
        Assert.Equal(9, agreement.Common);
        Assert.Equal(1 - 12.0 / 720, agreement.Spearman, 12);
        Assert.Equal(34.0 / 36, agreement.Kendall, 12);
        Assert.Equal(9, agreement.TopKOverlap);
        Assert.Equal([top[9]], agreement.OnlyNational);

        var cityScale = new FeasibilityScale("WMCA", 9, 0, 2.0, 0.25, 0, 0.3, "rounded cells", null);
        var report = FeasibilityReport.Create(FeasibilityScale.FromNational(uk), cityScale, agreement, ["micro data: not used"]);
        Assert.Same(agreement, report.Agreement);
        Assert.Contains(report.Notes, n => n.StartsWith("UK 2016 and WMCA rankings agree strongly: Spearman ρ = 0.983", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.StartsWith("UK 2016: ECI for period 2016 is not reliable", StringComparison.Ordinal));
        Assert.Contains("WMCA: no complexity calculation", report.Notes);
        Assert.Contains(report.Notes, n => n.StartsWith("ranked nationally only", StringComparison.Ordinal) && n.EndsWith(top[9], StringComparison.Ordinal));
        Assert.Equal("micro data: not used", report.Notes[^1]);
    }
}
