using System.Collections.Immutable;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The data rule of <c>compete compare</c> (unless firm data are chosen): a region the published BRES cells describe exactly
/// (a union of ITL2 areas, or any region given a district-level download) runs on them; any other is never profiled from
/// generated firms: it is refused or left out by the caller, or, asked for, run as a labelled approximation by its ITL2
/// parent area(s). Each region's run says in words which data it rests on.
/// </summary>
public static class ComparePolicy
{
    /// <summary>The regions the published cells do not describe exactly at the level; none when firm data (user's or generated) are chosen.</summary>
    public static IReadOnlyList<Region> NotDescribedExactly(UkData uk, IEnumerable<Region> regions, SectorLevel level, RunChoices choices) =>
        choices.MicroFile is not null || choices.GeneratedFirms ? [] : regions.Where(r => !uk.DescribesExactly(r, level)).ToList();

    /// <summary>
    /// Runs one region of the comparison under the data rule. <paramref name="approximate"/>: the region is to be shown as an
    /// approximation by its ITL2 parent area(s) (it is, when it runs on published data). Returns the comparison input (the
    /// run and a description of its data), the input files the run read, and whether it ran on published data.
    /// </summary>
    public static (CompareInput Input, IReadOnlyList<string> Inputs, bool Published) Run(UkData uk, Region region, string specPath, RunChoices choices,
        SectorLevel level, bool approximate)
    {
        bool published = choices.MicroFile is null && (!choices.GeneratedFirms || uk.DescribesExactly(region, level));
        approximate = published && approximate;
        var runRegion = approximate ? ParentApproximation(uk, region) : region;
        var (request, used) = RunSetup.Request(uk, runRegion, specPath, choices with { NoMicro = published, GeneratedFirms = !published && choices.GeneratedFirms });
        var result = CityRegionRun.Execute(uk, request);
        string data = choices.MicroFile is not null ? "firm-level data from " + Path.GetFileName(choices.MicroFile)
            : approximate ? $"APPROXIMATION: published BRES cells of its ITL2 parent area(s) {string.Join(" + ", runRegion.Itl2Codes)}, not of {region.Name} itself (not a union of ITL2 areas); {uk.DistrictDownloadHint(region)}"
            : published ? "published BRES cells (" + (uk.TryCompose(region, level, [result.BaseYear, result.Year], out _)?.Description ?? "as published") + ")"
            : "generated firm-level data for " + string.Join(", ", MicroSources.Itl2AreasOf(uk.Geography, region)) + " (not described by published cells; calibrated to BRES, not real firms)";
        return (new CompareInput(result, data) { Approximation = approximate }, used, published);
    }

    /// <summary>
    /// <see cref="Run"/> for every region, two at a time: one region's serial steps (panels, library, complexity) overlap
    /// another's Monte Carlo, which on a 2-core machine is most of the gain. Results come back in the order of
    /// <paramref name="regions"/> whatever order the runs finish in, so the outputs do not depend on the scheduling; a
    /// region that fails stops the comparison with the error of the first failing region in that order. Progress reports
    /// each finished region (count done, the region, the data it rests on).
    /// </summary>
    public static IReadOnlyList<(CompareInput Input, IReadOnlyList<string> Inputs, bool Published)> RunAll(UkData uk, IReadOnlyList<Region> regions,
        string specPath, RunChoices choices, SectorLevel level, IReadOnlyCollection<Region> approximate, IProgress<CompareProgress>? progress = null,
        int maxParallel = 2)
    {
        var results = new (CompareInput Input, IReadOnlyList<string> Inputs, bool Published)[regions.Count];
        int done = 0;
        OrderedParallel.For(regions.Count, maxParallel, i =>
        {
            var region = regions[i];
            var r = results[i] = Run(uk, region, specPath, choices, level, approximate.Any(a => a.Id == region.Id));
            progress?.Report(new CompareProgress(Interlocked.Increment(ref done), regions.Count, region.Id,
                r.Input.Approximation ? "ITL2 approximation" : r.Published ? "published" : "firm-level"));
        });
        return results;
    }

    /// <summary>
    /// The region approximated by its ITL2 parent area(s): the same id and code, named as an approximation, with the
    /// parents' districts and ITL2 codes, so that the run reads the parents' published cells.
    /// </summary>
    public static Region ParentApproximation(UkData uk, Region region)
    {
        var parents = MicroSources.Itl2AreasOf(uk.Geography, region);
        var lads = uk.Geography.Lads.Where(l => l.Itl2Codes.Any(parents.Contains)).Select(l => l.Code).ToImmutableArray();
        var names = parents.Select(p => uk.Geography.Resolve(p).Name);
        return region with
        {
            Name = $"{region.Name} (approximated by ITL2 {string.Join(" + ", names)})",
            LadCodes = lads,
            Itl2Codes = parents.ToImmutableArray(),
        };
    }
}
