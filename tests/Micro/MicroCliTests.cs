using CompeteModel.Cli;

namespace CompeteModel.Tests.Micro;

[Collection("Console")]
public class MicroCliTests
{
    [Fact]
    public void Data_check_writes_every_reject_and_exits_0_but_1_for_a_malformed_file()
    {
        var rejects = Path.Combine(Path.GetTempPath(), "compete-rejects-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            int code = CliCapture.Invoke(["data", "check", "--input", TestData.Fixture(Path.Combine("micro", "firms_bad.csv")),
                "--rejects", rejects, "--data", TestData.Datasets]);
            Assert.Equal(0, code);
            var lines = File.ReadAllLines(rejects);
            Assert.Equal("file,line,field,reason,value", lines[0]);
            Assert.Equal(1 + 14, lines.Length); // header + the 14 rejected rows of firms_bad.csv
            Assert.EndsWith(",13,firm_id,duplicate firm-year,1 2021", lines[11]);
        }
        finally { File.Delete(rejects); }
        Assert.Equal(1, CliCapture.Invoke(["data", "check", "--input", TestData.Fixture(Path.Combine("micro", "firms_missing_column.csv")), "--data", TestData.Datasets]));
        Assert.Equal(2, CliCapture.Invoke(["datasets", "generate", "--out", Path.GetTempPath(), "--years", "2015-x", "--data", TestData.Datasets]));
    }
}
