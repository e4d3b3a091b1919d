namespace CompeteModel.Engine.Complexity;

/// <summary>
/// Relatedness and complexity of one cross-section. Arrays over locations have <see cref="Locations"/>
/// order, over products <see cref="Products"/> order; location × product arrays are row-major
/// (index r·Products.Count + s). Only locations and products that entered the calculation are here;
/// the others are in <see cref="DroppedLocations"/> and <see cref="DroppedProducts"/>.
/// </summary>
public sealed class ComplexityYearResult
{
    internal ComplexityYearResult(string time, IReadOnlyList<string> locations, IReadOnlyList<string> products,
        IReadOnlyList<DroppedLabel> droppedLocations, IReadOnlyList<DroppedLabel> droppedProducts,
        double[] rca, PresenceMatrix m, double[] proximity, double[] density, EigenSolution eigen,
        double[] kc, double[] kp, double[] eci, double[] pci, double[] coi, double[] cog,
        double[] reflectionsEci, double[] fitness, double[] productComplexity, bool fitnessConverged)
    {
        Time = time;
        Locations = locations;
        Products = products;
        DroppedLocations = droppedLocations;
        DroppedProducts = droppedProducts;
        Rca = rca;
        Presence = m;
        Proximity = proximity;
        Density = density;
        Eigen = eigen;
        Kc = kc;
        Kp = kp;
        Eci = eci;
        Pci = pci;
        Coi = coi;
        Cog = cog;
        ReflectionsEci = reflectionsEci;
        Fitness = fitness;
        ProductComplexity = productComplexity;
        FitnessConverged = fitnessConverged;
    }

    public string Time { get; }
    public IReadOnlyList<string> Locations { get; }
    public IReadOnlyList<string> Products { get; }
    public IReadOnlyList<DroppedLabel> DroppedLocations { get; }
    public IReadOnlyList<DroppedLabel> DroppedProducts { get; }

    /// <summary>Balassa RCA (location × product).</summary>
    public double[] Rca { get; }

    /// <summary>M, with diversity and ubiquity.</summary>
    public PresenceMatrix Presence { get; }

    /// <summary>φ (product × product).</summary>
    public double[] Proximity { get; }

    /// <summary>Relatedness density (location × product), in [0,1].</summary>
    public double[] Density { get; }

    /// <summary>λ2, λ3 and the raw eigenvector as solved (before any sign rule).</summary>
    public EigenSolution Eigen { get; }

    /// <summary>kc = (M/k_c)·kp and kp (unit norm), after the sign rule.</summary>
    public double[] Kc { get; }
    public double[] Kp { get; }

    /// <summary>ECI = (kc − mean kc)/sd kc; PCI = (kp − mean kc)/sd kc.</summary>
    public double[] Eci { get; }
    public double[] Pci { get; }

    /// <summary>Complexity outlook index (per location) and outlook gain (location × product).</summary>
    public double[] Coi { get; }
    public double[] Cog { get; }

    /// <summary>Method-of-reflections ECI (standardised kc_N), with its own natural sign.</summary>
    public double[] ReflectionsEci { get; }

    /// <summary>Tacchella et al. fitness (per location) and complexity (per product).</summary>
    public double[] Fitness { get; }
    public double[] ProductComplexity { get; }
    public bool FitnessConverged { get; }

    /// <summary>True when the sign finally used is the opposite of the raw eigenvector's.</summary>
    public bool SignFlipped { get; private set; }

    public ComplexityDiagnostics Diagnostics { get; internal set; } = null!;

    /// <summary>Index of a location label, or −1.</summary>
    public int ProductIndex(string label)
    {
        _productIndex ??= Products.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        return _productIndex.TryGetValue(label, out var i) ? i : -1;
    }

    private Dictionary<string, int>? _productIndex;

    public int LocationIndex(string label)
    {
        for (int i = 0; i < Locations.Count; i++) if (string.Equals(Locations[i], label, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>
    /// Reverses the eigenvector's sign: kc, kp, ECI, PCI, COI and COG are all odd in kp
    /// (COG's weight PCI + mean(kc)/sd(kc) = kp/sd(kc)), so each is negated exactly.
    /// </summary>
    internal void Flip()
    {
        foreach (var a in new[] { Kc, Kp, Eci, Pci, Coi, Cog })
            for (int i = 0; i < a.Length; i++) a[i] = -a[i];
        for (int i = 0; i < Cog.Length; i++) if (Cog[i] == 0) Cog[i] = 0; // no negative zeros in output
        SignFlipped = !SignFlipped;
    }

    internal void MarkFlipped(bool flipped) => SignFlipped = flipped;
}
