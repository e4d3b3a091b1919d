namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Takes indicators out of a spec for one run (an indicator whose evidence did not pass its check): each pillar keeps
/// its other indicators with their weights re-normalised, a pillar left empty is dropped, and pillar weights are
/// re-normalised over the rest, in the base weights and in every weight set alike. The matrix may still hold the
/// indicators' values (for diagnostics and charts); they just carry no weight.
/// </summary>
public static class SpecAdjust
{
    /// <summary>The spec without <paramref name="ids"/>; unchanged when none of them is in it.</summary>
    public static ModelSpec Without(ModelSpec spec, IReadOnlyCollection<string> ids)
    {
        if (!spec.Pillars.Any(p => p.Indicators.Any(i => ids.Contains(i.Id)))) return spec;
        var keptPillars = new List<int>();
        var pillars = new List<PillarSpec>();
        for (int p = 0; p < spec.Pillars.Count; p++)
        {
            var pillar = spec.Pillars[p];
            var kept = pillar.Indicators.Where(i => !ids.Contains(i.Id)).ToArray();
            if (kept.Length == 0) continue;
            var w = Normalise(kept.Select(i => i.Weight).ToArray());
            pillars.Add(pillar with { Indicators = kept.Select((i, j) => i with { Weight = w[j] }).ToArray() });
            keptPillars.Add(p);
        }
        if (pillars.Count == 0) throw new ArgumentException("taking out " + string.Join(", ", ids) + " would leave the spec with no indicator", nameof(ids));
        var pw = Normalise(pillars.Select(p => p.Weight).ToArray());
        pillars = pillars.Select((p, i) => p with { Weight = pw[i] }).ToList();
        var sets = spec.WeightSets.Select(set =>
        {
            var setPillars = Normalise(keptPillars.Select(p => set.PillarWeights[p]).ToArray());
            var setIndicators = keptPillars.Select(p =>
            {
                var inds = spec.Pillars[p].Indicators;
                var keep = Enumerable.Range(0, inds.Count).Where(i => !ids.Contains(inds[i].Id)).ToArray();
                return (IReadOnlyList<double>)Normalise(keep.Select(i => set.IndicatorWeights[p][i]).ToArray());
            }).ToArray();
            return set with { PillarWeights = setPillars, IndicatorWeights = setIndicators };
        }).ToArray();
        return spec with { Pillars = pillars, WeightSets = sets };
    }

    /// <summary>w / Σw; all zeros stay zeros.</summary>
    private static double[] Normalise(double[] w)
    {
        double sum = w.Sum();
        return sum > 0 ? w.Select(x => x / sum).ToArray() : w;
    }
}
