using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Panels;

/// <summary>
/// Fills a <see cref="Panel"/>: allocate with the region, sector and year axes, then add to cells.
/// Cells never touched stay unknown (NaN). Adding to a cell sums values and interval bounds.
/// </summary>
public sealed class PanelBuilder
{
    private readonly Dictionary<Measure, (Provenance P, string Source, double[] V, double[] L, double[] U, int[]? F)> _m = new();

    public PanelBuilder(IReadOnlyList<Region> regions, IReadOnlyList<Sector> sectors, IReadOnlyList<int> years)
    {
        Regions = regions;
        Sectors = sectors;
        Years = years;
    }

    public IReadOnlyList<Region> Regions { get; }
    public IReadOnlyList<Sector> Sectors { get; }
    public IReadOnlyList<int> Years { get; }
    public int Index(int r, int s, int t) => (t * Regions.Count + r) * Sectors.Count + s;

    /// <summary>Declares a measure; its cells start unknown.</summary>
    public void AddMeasure(Measure m, Provenance p, string source, bool withFirmCounts = false)
    {
        int n = Regions.Count * Sectors.Count * Years.Count;
        double[] v = new double[n], l = new double[n], u = new double[n];
        Array.Fill(v, double.NaN);
        Array.Fill(l, double.NaN);
        Array.Fill(u, double.NaN);
        _m[m] = (p, source, v, l, u, withFirmCounts ? new int[n] : null);
    }

    /// <summary>Adds a value with its interval to a cell (an unknown cell becomes known).</summary>
    public void Add(Measure m, int r, int s, int t, double value, double lower, double upper, int firms = 0)
    {
        var x = _m[m];
        int i = Index(r, s, t);
        x.V[i] = double.IsNaN(x.V[i]) ? value : x.V[i] + value;
        x.L[i] = double.IsNaN(x.L[i]) ? lower : x.L[i] + lower;
        x.U[i] = double.IsNaN(x.U[i]) ? upper : x.U[i] + upper;
        if (x.F is not null) x.F[i] += firms;
    }

    /// <summary>Marks a cell unknown whatever was added to it (a suppressed part makes the sum unknown).</summary>
    public void SetUnknown(Measure m, int r, int s, int t)
    {
        var x = _m[m];
        int i = Index(r, s, t);
        x.V[i] = x.L[i] = x.U[i] = double.NaN;
    }

    public Panel Build() =>
        new(Regions, Sectors, Years, _m.Select(kv => new PanelMeasure(kv.Key, kv.Value.P, kv.Value.Source, kv.Value.V, kv.Value.L, kv.Value.U, kv.Value.F)));
}
