using CompeteModel.Engine.Generation;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Pipeline;

/// <summary>Firm-level data for a region, the account of how they were obtained, and whether they are generated.</summary>
public sealed record MicroSource(FirmTable Firms, Provenance Provenance, string Description, RowAccount? Account);

/// <summary>
/// Where a run's firm-level data come from: the user's file; else the shipped generated file when it covers the
/// region (WMCA); else the generator run for the ITL2 areas that hold the region's districts (deterministic, seeded,
/// calibrated to BRES at ITL2 — district shares inside an ITL2 area are synthetic, so a region that is not an ITL2
/// union rests on a synthetic split, which the notes say).
/// </summary>
public static class MicroSources
{
    public const string ShippedFile = "micro/wmca_firms_2015_2021.parquet";
    public const string ShippedItl2 = "TLG3";

    public static MicroSource Read(string path, UkData uk)
    {
        var m = MicroDataReader.Read(path, uk.Geography, uk.Sic, postcodes: PlacedByPostcode(path) ? uk.Postcodes : null);
        return new MicroSource(m.Firms, Provenance.UserMicroData, "user firm-level data (" + Path.GetFileName(path) + ")", m.Account);
    }

    /// <summary>Whether a CSV firm file places its firms by postcode (its header has no lad_code), so the postcode lookup is needed.</summary>
    private static bool PlacedByPostcode(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase)) return false;
        if (!File.Exists(path)) return false;
        using var reader = IO.TextFiles.OpenText(path);
        var header = reader.ReadLine() ?? "";
        return !header.Contains("lad_code", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The shipped file when it covers every district of the region, else generated data for the region's ITL2 areas.</summary>
    public static MicroSource Default(UkData uk, Region region, long seed = MicroGeneratorOptions.DefaultSeed)
    {
        var itl2 = Itl2AreasOf(uk.Geography, region);
        var shipped = Path.Combine(uk.DatasetsDirectory, ShippedFile);
        if (itl2.Count == 1 && itl2[0] == ShippedItl2 && File.Exists(shipped) && seed == MicroGeneratorOptions.DefaultSeed)
        {
            var m = MicroDataReader.Read(shipped, uk.Geography, uk.Sic);
            return new MicroSource(m.Firms, Provenance.GeneratedMicroData,
                "generated firm-level data, " + Path.GetFileName(ShippedFile) + " (calibrated to BRES; not real firms)", m.Account);
        }
        return Generate(uk, itl2, seed);
    }

    public static MicroSource Generate(UkData uk, IReadOnlyList<string> itl2, long seed = MicroGeneratorOptions.DefaultSeed)
    {
        var idbr = IdbrReader.Read(Path.Combine(uk.DataDirectory, "idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz"), uk.Sic);
        var gen = new MicroDataGenerator(uk.BresSubclasses, idbr, uk.Geography, uk.Sic, new MicroGeneratorOptions(seed, Itl2Filter: itl2));
        var parts = gen.Generate().Select(a => a.Firms).ToList();
        return new MicroSource(Concat(parts), Provenance.GeneratedMicroData,
            $"generated firm-level data for {string.Join(", ", itl2)} (seed {seed}; calibrated to BRES at ITL2, not real firms)", null);
    }

    /// <summary>The ITL2 areas holding any of the region's districts, in code order.</summary>
    public static IReadOnlyList<string> Itl2AreasOf(GeographyModel geo, Region region)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in region.LadCodes)
            if (geo.TryGetLad(c, out var l)) foreach (var i in l.Itl2Codes) set.Add(i);
        return set.ToList();
    }

    public static FirmTable Concat(IReadOnlyList<FirmTable> parts)
    {
        if (parts.Count == 1) return parts[0];
        if (parts.Count == 0) throw new ArgumentException("no firm tables to join");
        T[] Join<T>(Func<FirmTable, T[]> f) => parts.SelectMany(f).ToArray();
        var p = parts[0];
        return new FirmTable(p.Geography, p.Sic, Join(x => x.FirmId), Join(x => x.Year), Join(x => x.LadIndex), Join(x => x.SicCode),
            Join(x => x.SubclassIndex), Join(x => x.Employment), Join(x => x.Turnover), Join(x => x.BirthYear),
            Join(x => x.Description), Join(x => x.Cpc), Join(x => x.Itl2));
    }
}
