using System.Globalization;
using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Sectors;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Pipeline;

public sealed class InnovationContextTests
{
    [Fact]
    public void Wmca_innovate_uk_funding_per_thousand_jobs_is_pooled_over_the_complete_years()
    {
        var uk = UkDataTests.Data.Value;
        var wmca = uk.Geography.Resolve("wmca");
        var row = InnovationContext.Build(uk, wmca).Single(r => r.Indicator == "Innovate UK funding");
        // 2020 holds January–August only (data of 21 August 2020): the pooled years are 2017–2019
        Assert.Equal((2017, 2019), (row.FirstYear, row.LastYear));

        // by hand from the raw file: UKG3's funding and Great Britain's (every ITL2 area but Northern Ireland, UKN0)
        double wm = 0, gb = 0;
        using (var csv = CsvReader.Open(DataCatalogue.Open(TestData.Datasets).PathOf(DataCatalogue.Ids.InnovateUkFunding)))
        {
            var h = csv.ReadHeader();
            while (csv.Read())
            {
                int y = int.Parse(csv.Fields[h.Require("year")], CultureInfo.InvariantCulture);
                if (y is < 2017 or > 2019) continue;
                var code = csv.Fields[h.Require("nuts_id")];
                double v = double.Parse(csv.Fields[h.Require("gbp_innovate_uk_funding")], CultureInfo.InvariantCulture);
                if (code == "UKG3") wm += v;
                if (!code.StartsWith("UKN", StringComparison.Ordinal)) gb += v;
            }
        }
        var panel = uk.BuildEmploymentPanel([wmca, uk.Geography.GreatBritain], SectorLevel.Section, [2017, 2018, 2019]);
        var e = panel[Measure.Employment];
        double Jobs(int r) => Enumerable.Range(0, 3).Sum(t => Enumerable.Range(0, panel.S).Select(s => e.Value[panel.Index(r, s, t)]).Where(v => !double.IsNaN(v)).Sum());
        Assert.Equal(wm, row.RegionValue, 1e-6);
        Assert.Equal(1000 * wm / Jobs(0), row.RegionPerThousandJobs, 1e-9);
        Assert.Equal(1000 * gb / Jobs(1), row.GbPerThousandJobs, 1e-9);
        Assert.Equal(row.RegionPerThousandJobs / row.GbPerThousandJobs, row.Ratio, 12);
    }

    [Fact]
    public void A_region_that_is_not_an_itl2_union_gets_no_value_and_a_reason()
    {
        var uk = UkDataTests.Data.Value;
        var rows = InnovationContext.Build(uk, uk.Geography.Resolve("cpca"));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => { Assert.True(double.IsNaN(r.Ratio)); Assert.Contains("not a union of ITL2", r.Reason); });
    }
}
