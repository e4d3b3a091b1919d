using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Writes a comparison into one folder: ranks (CSV, Parquet), regions, similarity, peers, profiles (CSV, Parquet), the
/// comparison report, and each region's full run outputs (<see cref="RunOutputs"/>) in a subfolder named by its id.
/// </summary>
public static class CompareOutputs
{
    /// <summary>Writes the files and returns how many were written; <paramref name="manifest"/> gives each region's run.json record.</summary>
    public static int Write(CompareResult c, string dir, Func<CityRegionRunResult, RunManifestInfo> manifest)
    {
        Directory.CreateDirectory(dir);
        int n = 0;
        void Put(string name, Table t) { TableFiles.Write(t, Path.Combine(dir, name)); n++; }
        var ranks = CompareTables.Ranks(c);
        Put("ranks.csv", ranks);
        Put("ranks.parquet", ranks);
        Put("regions.csv", CompareTables.Regions(c));
        Put("similarity.csv", CompareTables.Similarity(c));
        Put("peers.csv", CompareTables.PeersTable(c));
        var profiles = CompareTables.Profiles(c);
        Put("profiles.csv", profiles);
        Put("profiles.parquet", profiles);
        n += ReportFiles.Write(CompareReport.Build(c), dir).Count;
        // each region's folder is its own set of files: written two at a time, counted in region order
        var counts = new int[c.Regions.Count];
        OrderedParallel.For(c.Regions.Count, 2, i =>
        {
            var run = c.Regions[i].Run;
            counts[i] = RunOutputs.Write(run, Path.Combine(dir, run.Region.Id), manifest(run)).Count;
        });
        return n + counts.Sum();
    }
}
