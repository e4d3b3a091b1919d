namespace CompeteModel.Engine.Complexity;

/// <summary>
/// One cross-section X[r,s] of activity (employment, exports…) of locations × products, dense and
/// row-major, with the labels of both axes. Values are finite and non-negative; absent activity is 0.
/// Validated once here so the numerical code can trust it.
/// </summary>
public sealed class ActivityMatrix
{
    public ActivityMatrix(IReadOnlyList<string> locations, IReadOnlyList<string> products, double[] values)
    {
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != (long)locations.Count * products.Count)
            throw new ArgumentException($"values has {values.Length} cells, expected {locations.Count} × {products.Count}");
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= 0) || double.IsPositiveInfinity(values[i]))
                throw new ArgumentException($"cell {i / products.Count},{i % products.Count} is {values[i]}; activity must be finite and ≥ 0");
        CheckUnique(locations, "location");
        CheckUnique(products, "product");
        Locations = locations;
        Products = products;
        Values = values;
    }

    public IReadOnlyList<string> Locations { get; }
    public IReadOnlyList<string> Products { get; }

    /// <summary>X[r,s] at index r·Products.Count + s.</summary>
    public double[] Values { get; }

    public int LocationCount => Locations.Count;
    public int ProductCount => Products.Count;
    public double this[int r, int s] => Values[r * Products.Count + s];

    private static void CheckUnique(IReadOnlyList<string> labels, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in labels)
            if (!seen.Add(l)) throw new ArgumentException($"duplicate {what} label '{l}'");
    }
}
