namespace CompeteModel.Engine.Batch;

/// <summary>
/// A batch plan: every combination of regions × specs × year ranges × option sets is one run, all with
/// the plan's seed. Read from YAML by <see cref="BatchPlanReader"/>; see docs/batch.md for the format.
/// </summary>
public sealed record BatchPlan
{
    public BatchPlan(string name, string sourceFile, string planHash, int seed,
        IReadOnlyList<string> regions, IReadOnlyList<BatchFile> specs, IReadOnlyList<BatchYears> years,
        IReadOnlyList<BatchOptionSet> optionSets, IReadOnlyList<BatchFile> inputs)
    {
        if (regions.Count == 0 || specs.Count == 0 || years.Count == 0 || optionSets.Count == 0)
            throw new ArgumentException("a plan needs at least one region, spec, year range and option set");
        Name = name;
        SourceFile = sourceFile;
        PlanHash = planHash;
        Seed = seed;
        Regions = regions;
        Specs = specs;
        Years = years;
        OptionSets = optionSets;
        Inputs = inputs;
    }

    public string Name { get; }

    /// <summary>The plan file, for messages.</summary>
    public string SourceFile { get; }

    /// <summary>SHA-256 of the plan file's bytes; shards of one plan must agree on it to be merged.</summary>
    public string PlanHash { get; }

    public int Seed { get; }
    public IReadOnlyList<string> Regions { get; }
    public IReadOnlyList<BatchFile> Specs { get; }
    public IReadOnlyList<BatchYears> Years { get; }
    public IReadOnlyList<BatchOptionSet> OptionSets { get; }

    /// <summary>Data files every run reads; their hashes go in each run's manifest entry.</summary>
    public IReadOnlyList<BatchFile> Inputs { get; }

    /// <summary>All runs, ordered by run id (ordinal).</summary>
    public IReadOnlyList<BatchRun> Expand()
    {
        var inputs = Inputs.Select(i => i.FullPath).ToArray();
        var runs = new List<BatchRun>();
        foreach (var region in Regions)
            foreach (var spec in Specs)
                foreach (var years in Years)
                    foreach (var options in OptionSets)
                        runs.Add(new BatchRun(region, spec.Path, spec.FullPath, years, options, Seed, inputs));
        runs.Sort((a, b) => string.CompareOrdinal(a.RunId, b.RunId));
        return runs;
    }
}
