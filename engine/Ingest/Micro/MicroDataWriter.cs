using System.IO.Compression;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using Parquet;
using Parquet.Schema;

namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>
/// Writes firm-level data in the layout <see cref="MicroDataReader"/> reads (firm_id, year, lad_code, sic,
/// employment, turnover, birth_year, description, cpc, itl2). <see cref="Write"/> writes one table as CSV or
/// Parquet by extension; <see cref="WriteParquet"/> streams several tables into one Parquet file, one row
/// group per table (at most 1,048,576 rows each), so a large generated data set need not be in memory at once.
/// Output is deterministic: the same tables give the same bytes. Turnover NaN is written as NaN (Parquet) or empty (CSV).
/// </summary>
public static class MicroDataWriter
{
    private const int MaxRowGroup = 1 << 20;

    public static void Write(FirmTable firms, string path) => WriteTable(firms.ToTable(), path);

    /// <summary>Writes any table as CSV or Parquet by extension, atomically.</summary>
    public static void WriteTable(Table table, string path) => TableFiles.Write(table, path);

    /// <summary>Writes the tables in order into one Parquet file, atomically; returns the number of rows written.</summary>
    /// <param name="level">
    /// Zstandard effort. The default (smallest size, as the shipped data set is written) costs most of the time of
    /// generating a large file; <see cref="CompressionLevel.Optimal"/> writes the same values several times faster in a
    /// somewhat larger file, and reads as fast.
    /// </param>
    public static long WriteParquet(IEnumerable<FirmTable> tables, string path, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        if (!TableFiles.IsParquet(path)) throw new InputException("output must end in .parquet", path, field: "--out");
        long rows = 0;
        TextFiles.WriteAtomic(path, s => rows = WriteAsync(tables, s, level).GetAwaiter().GetResult());
        return rows;
    }

    private static readonly DataField<long> FId = new("firm_id", false);
    private static readonly DataField<int> FYear = new("year", false);
    private static readonly DataField<string> FLad = new("lad_code", true);
    private static readonly DataField<string> FSic = new("sic", true);
    private static readonly DataField<double> FEmp = new("employment", false);
    private static readonly DataField<double> FTurn = new("turnover", false);
    private static readonly DataField<int> FBirth = new("birth_year", false);
    private static readonly DataField<string> FDesc = new("description", true);
    private static readonly DataField<string> FCpc = new("cpc", true);
    private static readonly DataField<string> FItl2 = new("itl2", true);

    private static async Task<long> WriteAsync(IEnumerable<FirmTable> tables, Stream s, CompressionLevel level)
    {
        var schema = new ParquetSchema(FId, FYear, FLad, FSic, FEmp, FTurn, FBirth, FDesc, FCpc, FItl2);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = level };
        var ct = CancellationToken.None;
        long total = 0;
        bool any = false;
        await using var writer = await ParquetWriter.CreateAsync(schema, s, options, false, ct);
        foreach (var t in tables)
        {
            var ladCodes = new string[t.Count];
            for (int i = 0; i < t.Count; i++) ladCodes[i] = t.Geography.Lads[t.LadIndex[i]].Code;
            for (int start = 0; start < t.Count || (!any && start == 0); start += MaxRowGroup)
            {
                int len = Math.Min(MaxRowGroup, t.Count - start);
                any = true;
                using var rg = writer.CreateRowGroup();
                await rg.WriteAsync<long>(FId, t.FirmId.AsMemory(start, len), null, null, ct);
                await rg.WriteAsync<int>(FYear, t.Year.AsMemory(start, len), null, null, ct);
                await rg.WriteAsync(FLad, new ArraySegment<string>(ladCodes, start, len), null);
                await rg.WriteAsync(FSic, new ArraySegment<string>(t.SicCode, start, len), null);
                await rg.WriteAsync<double>(FEmp, t.Employment.AsMemory(start, len), null, null, ct);
                await rg.WriteAsync<double>(FTurn, t.Turnover.AsMemory(start, len), null, null, ct);
                await rg.WriteAsync<int>(FBirth, t.BirthYear.AsMemory(start, len), null, null, ct);
                await rg.WriteAsync(FDesc, new ArraySegment<string>(t.Description!, start, len), null);
                await rg.WriteAsync(FCpc, new ArraySegment<string>(t.Cpc!, start, len), null);
                await rg.WriteAsync(FItl2, new ArraySegment<string>(t.Itl2!, start, len), null);
                total += len;
            }
        }
        return total;
    }
}
