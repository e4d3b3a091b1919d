using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Defensible;

/// <summary>The shipped traded/local classification (datasets/sectors/traded_local_sic2007.csv) and its reader.</summary>
public sealed class SectorClassificationTests
{
    private static readonly UkData Uk = UkData.Load(TestData.Datasets);

    [Theory]
    [InlineData("29", TradeClass.Traded, "29")]
    [InlineData("80", TradeClass.Local, "80")]   // security: delivered where the client is
    [InlineData("81", TradeClass.Local, "81")]
    [InlineData("68", TradeClass.Local, "68")]
    [InlineData("92", TradeClass.Local, "92")]
    [InlineData("49", TradeClass.Mixed, "49")]
    [InlineData("493", TradeClass.Local, "493")]  // a group row overrides its division's
    [InlineData("49320", TradeClass.Local, "493")] // a subclass takes the nearest row above it
    [InlineData("4910", TradeClass.Traded, "491")]
    [InlineData("10710", TradeClass.Mixed, "1071")]
    [InlineData("85422", TradeClass.Traded, "854")]
    [InlineData("A", TradeClass.Traded, "A")]      // every division of the section is traded (resource-based)
    [InlineData("H", TradeClass.Traded, "H")]      // 49 and 53 mixed, 50–52 traded, none local
    [InlineData("G", TradeClass.Mixed, "G")]       // 45 and 47 local, 46 traded
    [InlineData("Q", TradeClass.Local, "Q")]
    public void Sectors_TakeTheMostSpecificRow(string code, TradeClass expected, string row)
    {
        var (cls, reason, at) = Uk.TradeClasses.Classify(code);
        Assert.Equal(expected, cls);
        Assert.Equal(row, at);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void EveryDivisionHasARow()
    {
        foreach (var d in Uk.Sic.SectorsAt(SectorLevel.Division)) Assert.Equal(d.Code, Uk.TradeClasses.Classify(d.Code).Code);
    }

    [Fact]
    public void SectionC_IsTraded_ThoughDivision33IsMixed()
    {
        // divisions 10–32 are traded, 33 (repair and installation of machinery) mixed: a mixed division does not decide a section
        Assert.Equal(TradeClass.Mixed, Uk.TradeClasses.Classify("33").Class);
        Assert.Equal(TradeClass.Traded, Uk.TradeClasses.Classify("C").Class);
    }

    [Theory]
    [InlineData("sic2007,class,reason\n29,export,sold abroad\n", 2, "class")]
    [InlineData("sic2007,class,reason\n2999,traded,x\n", 2, "sic2007")]
    [InlineData("sic2007,class,reason\n29,traded,\n", 2, "reason")]
    [InlineData("sic2007,class,reason\n29,traded,a\n29,local,b\n", 3, "sic2007")]
    public void BadRows_NameFileLineAndField(string text, long line, string field)
    {
        var path = Path.Combine(Path.GetTempPath(), "tradeclass-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        var e = Assert.Throws<InputException>(() => TradeClassification.Load(path, Uk.Sic));
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void AFileMissingADivision_IsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), "tradeclass-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "sic2007,class,reason\n29,traded,cars\n");
        var e = Assert.Throws<InputException>(() => TradeClassification.Load(path, Uk.Sic));
        Assert.Contains("has no row", e.Message);
    }
}
