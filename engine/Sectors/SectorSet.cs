using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Sectors;

/// <summary>
/// A set of clusters that the model scores instead of SIC divisions (<c>compete run --sector-set</c>). Clusters may
/// share a SIC code only by splitting it: over all clusters a subclass's shares add up to at most 1, and what is left
/// belongs to the <see cref="RestId"/> unit, so that the clusters and the rest add up to the region's employment.
/// </summary>
public sealed record SectorSet(string Name, string SourceFile, IReadOnlyList<Cluster> Clusters)
{
    /// <summary>The code of the unit that holds every subclass share no cluster claims.</summary>
    public const string RestId = "rest";

    /// <summary>
    /// Shares [cluster][subclass] over the hierarchy's subclasses (the last row is the rest of the economy, 1 − Σ).
    /// Throws an <see cref="InputException"/> for a code that is not in SIC 2007 or a subclass whose shares exceed 1.
    /// </summary>
    public double[][] SubclassShares(SicHierarchy sic)
    {
        int n = sic.Subclasses.Count;
        var shares = new double[Clusters.Count + 1][];
        var claimed = new double[n];
        var firstLine = new long[n];
        for (int c = 0; c < Clusters.Count; c++)
        {
            shares[c] = new double[n];
            foreach (var m in Clusters[c].Members)
            {
                var subs = sic.SubclassesUnder(m.Code);
                if (subs.Count == 0) throw new InputException($"cluster '{Clusters[c].Id}': SIC code '{m.Code}' is not in SIC 2007", SourceFile, m.Line, "sic");
                foreach (var i in subs)
                {
                    if (shares[c][i] > 0)
                        throw new InputException($"cluster '{Clusters[c].Id}' lists subclass {sic.Subclasses[i].Code} twice (via '{m.Code}')", SourceFile, m.Line, "sic");
                    shares[c][i] = m.Share;
                    claimed[i] += m.Share;
                    if (claimed[i] > 1 + 1e-12)
                        throw new InputException($"subclass {sic.Subclasses[i].Code} is given shares adding up to {claimed[i]:0.###} over the clusters (first at line {firstLine[i]}); split a code with shares that add up to at most 1", SourceFile, m.Line, "share");
                    if (firstLine[i] == 0) firstLine[i] = m.Line;
                }
            }
        }
        shares[^1] = new double[n];
        for (int i = 0; i < n; i++) shares[^1][i] = Math.Max(0, 1 - claimed[i]);
        return shares;
    }
}
