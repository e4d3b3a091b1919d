using CompeteModel.Engine.Ingest.Micro;
using Parquet;

namespace CompeteModel.Tests.Micro;

/// <summary>What the Parquet page-decoder tests share: the encodings a column chunk was written with, and "read both ways, same result".</summary>
internal static class ParquetFixtures
{
    /// <summary>The encodings Parquet.Net wrote for <paramref name="column"/> over all row groups of the file.</summary>
    public static HashSet<Parquet.Meta.Encoding> Encodings(string path, string column)
    {
        using var fs = File.OpenRead(path);
        var r = ParquetReader.CreateAsync(fs).GetAwaiter().GetResult();
        var f = r.Schema.GetDataFields().Single(x => x.Name == column);
        var set = r.RowGroups.SelectMany(g => g.GetMetadata(f)!.MetaData!.Encodings).ToHashSet();
        r.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return set;
    }

    /// <summary>The same rows used and rejected, and every firm column equal, whichever path decoded the pages.</summary>
    public static void AssertSame(MicroData expected, MicroData actual)
    {
        Assert.Equal(expected.Account.Read, actual.Account.Read);
        Assert.Equal(expected.Account.Used, actual.Account.Used);
        Assert.Equal(expected.Account.Rejects, actual.Account.Rejects);
        Assert.Equal(expected.Firms.FirmId, actual.Firms.FirmId);
        Assert.Equal(expected.Firms.Year, actual.Firms.Year);
        Assert.Equal(expected.Firms.LadIndex, actual.Firms.LadIndex);
        Assert.Equal(expected.Firms.SicCode, actual.Firms.SicCode);
        Assert.Equal(expected.Firms.SubclassIndex, actual.Firms.SubclassIndex);
        Assert.Equal(expected.Firms.Employment, actual.Firms.Employment);
        Assert.Equal(expected.Firms.Turnover, actual.Firms.Turnover);
        Assert.Equal(expected.Firms.BirthYear, actual.Firms.BirthYear);
        Assert.Equal(expected.Firms.Itl2, actual.Firms.Itl2);
    }
}
