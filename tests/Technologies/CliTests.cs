using CompeteModel.Cli;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Technologies;

[Collection("Console")]
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compete-tech-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void Tag_writes_the_input_back_with_technologies_and_evidence()
    {
        var input = Write("notices.csv",
            "id,description,cpc\n" +
            "1,\"Installation of air source heat pumps, loft insulation and solar PV installation\",\n" +
            "2,He said the invoice was paid,\n" +
            "3,Wholesale of hydrogen peroxide bleach,\n" +
            "4,Design of neural networks,G06N 3/08; H01M 10/052\n" +
            "5,,B60L 53/10\n");
        var output = Path.Combine(_dir, "tagged.csv");
        int code = CliCapture.Invoke(["technologies", "tag", "--input", input, "--text-col", "description", "--cpc-col", "cpc",
            "--out", output, "--data", TestData.Datasets]);
        Assert.Equal(0, code);
        var t = TableFiles.Read(output);
        Assert.Equal(["id", "description", "cpc", "technologies", "evidence"], t.Columns.Select(c => c.Name));
        string? Cell(string col, int r) => t.GetText(t.Column(col), r);
        Assert.Equal("heat_pumps_retrofit;solar_pv", Cell("technologies", 0));
        Assert.Equal("heat_pumps_retrofit:heat pumps|air source heat pumps|loft insulation|solar PV installation;solar_pv:solar PV|solar PV installation", Cell("evidence", 0));
        Assert.Null(Cell("technologies", 1)); // empty cell
        Assert.Null(Cell("technologies", 2));
        Assert.Equal("ai;batteries_electrification", Cell("technologies", 3));
        Assert.Equal("ai:neural networks|G06N3/08;batteries_electrification:H01M10/052", Cell("evidence", 3));
        Assert.Equal("low_carbon_vehicles;ev_charging", Cell("technologies", 4));
        Assert.Equal("1", Cell("id", 0));
    }

    [Fact]
    public void Tag_reports_a_missing_column_as_bad_input_and_a_missing_option_as_usage()
    {
        var input = Write("x.csv", "id,text\n1,graphene\n");
        var output = Path.Combine(_dir, "y.csv");
        Assert.Equal(1, CliCapture.Invoke(["technologies", "tag", "--input", input, "--text-col", "description", "--out", output, "--data", TestData.Datasets]));
        Assert.False(File.Exists(output));
        Assert.Equal(2, CliCapture.Invoke(["technologies", "tag", "--input", input, "--out", output]));
    }

    [Fact]
    public void Tag_writes_the_same_cells_to_parquet_as_to_csv()
    {
        // Quoted commas and quotes, an empty description and untagged rows: the cells CSV and Parquet could disagree on.
        var input = Write("notices.csv",
            "id,description,cpc\n" +
            "1,\"Installation of air source heat pumps, loft insulation and solar PV installation\",\n" +
            "2,\"He said \"\"the invoice\"\" was paid\",\n" +
            "5,,B60L 53/10\n");
        string csv = Path.Combine(_dir, "tagged.csv"), parquet = Path.Combine(_dir, "tagged.parquet");
        foreach (var output in new[] { csv, parquet })
            Assert.Equal(0, CliCapture.Invoke(["technologies", "tag", "--input", input, "--text-col", "description", "--cpc-col", "cpc",
                "--out", output, "--data", TestData.Datasets]));
        Table fromCsv = TableFiles.Read(csv), fromParquet = TableFiles.Read(parquet);
        Assert.Equal(["id", "description", "cpc", "technologies", "evidence"], fromParquet.Columns.Select(c => c.Name));
        Assert.Equal(3, fromParquet.RowCount);
        Assert.Equal("He said \"the invoice\" was paid", fromParquet.GetText(fromParquet.Column("description"), 1));
        Assert.Equal("low_carbon_vehicles;ev_charging", fromParquet.GetText(fromParquet.Column("technologies"), 2));
        // CSV has no null: an empty cell reads back as null, so compare with null and "" as one.
        foreach (var column in fromCsv.Columns)
            for (int r = 0; r < fromCsv.RowCount; r++)
                Assert.Equal(fromCsv.GetText(column, r) ?? "", fromParquet.GetText(fromParquet.Column(column.Name), r) ?? "");
    }

    [Fact]
    public void Region_profile_from_a_small_firm_file_matches_hand_computation()
    {
        // WMCA (Birmingham E08000025): 29/100 "electric vehicles", 29/50 "machine tools", 47/10 "heat pump installation".
        // Rest of ITL1 TLG (Bromsgrove E07000234): 47/20 "retail". TLD (Manchester E08000003): 62/30 "machine learning",
        // 62 "machine learning" with no employment, rejected as every firm-file reader does (MicroDataReader: missing
        // required value). One row with an unknown district is rejected.
        // Known employment 210; low-carbon vehicles 100 (all in WMCA): WMCA share 100/160 = 0.625, benchmark 100/210,
        // LQ = 0.625 / (100/210) = 1.3125.
        var firms = Write("firms.csv",
            "firm_id,year,lad_code,sic,employment,description,cpc\n" +
            "1,2021,E08000025,29100,100,Manufacture of electric vehicles,\n" +
            "2,2021,E08000025,29320,50,Machine tools,\n" +
            "3,2021,E08000025,47190,10,Heat pump installation,\n" +
            "4,2021,E07000234,47110,20,Retail,\n" +
            "5,2021,E08000003,62012,30,Machine learning,\n" +
            "6,2021,E08000003,62012,,Machine learning,\n" +
            "7,2021,X9,62012,5,Machine learning,\n");
        var outPath = Path.Combine(_dir, "tech.csv");
        var sectors = Path.Combine(_dir, "sectors.csv");
        var indicators = Path.Combine(_dir, "ind.csv");
        int code = CliCapture.Invoke(["technologies", "--region", "wmca", "--firms", firms, "--out", outPath, "--sectors-out", sectors,
            "--indicators-out", indicators, "--replicates", "20", "--data", TestData.Datasets]);
        Assert.Equal(0, code);
        var t = TableFiles.Read(outPath);
        int row = Enumerable.Range(0, t.RowCount).Single(r => t.GetText(t.Column("region"), r) == "E47000007" && t.GetText(t.Column("technology"), r) == "low_carbon_vehicles");
        Assert.Equal(0.625, t.GetDouble(t.Column("employment_share"), row), 12);
        Assert.Equal(1.3125, t.GetDouble(t.Column("lq"), row), 12);
        Assert.Equal(3, t.GetDouble(t.Column("firms"), row));
        Assert.Contains(Enumerable.Range(0, t.RowCount), r => t.GetText(t.Column("region"), r) == "TLG (rest)");
        var s = TableFiles.Read(sectors);
        int cell = Enumerable.Range(0, s.RowCount).Single(r => s.GetText(s.Column("sector"), r) == "29" && s.GetText(s.Column("technology"), r) == "any");
        Assert.Equal(100.0 / 150, s.GetDouble(s.Column("tech_intensity"), cell), 12); // 100 of the sector's 150 in WMCA
        Assert.All(Enumerable.Range(0, s.RowCount), r => Assert.Equal("E47000007", s.GetText(s.Column("region"), r)));
        Assert.True(TableFiles.Read(indicators).RowCount > 0);
    }
}
