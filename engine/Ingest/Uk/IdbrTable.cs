namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// UK Business Counts (IDBR) as published: enterprises in Great Britain by year × SIC 2007 subclass ×
/// employment size band. Counts are rounded by ONS to the nearest 5; a cell that is not published is NaN.
/// Layout: index = (yearIndex · Subclasses + subclass) · BandCount + band, subclass indices as in
/// <see cref="Sectors.SicHierarchy.Subclasses"/>.
/// </summary>
public sealed class IdbrTable
{
    /// <summary>The employment size bands in the order ONS publishes them.</summary>
    public static readonly IReadOnlyList<string> BandNames =
        ["0 to 4", "5 to 9", "10 to 19", "20 to 49", "50 to 99", "100 to 249", "250 to 499", "500 to 999", "1000+"];

    /// <summary>Smallest employment of each band.</summary>
    public static readonly IReadOnlyList<int> BandLower = [0, 5, 10, 20, 50, 100, 250, 500, 1000];

    /// <summary>Largest employment of each band (the open top band has no upper bound: int.MaxValue).</summary>
    public static readonly IReadOnlyList<int> BandUpper = [4, 9, 19, 49, 99, 249, 499, 999, int.MaxValue];

    public const int BandCount = 9;

    private readonly double[] _count;

    public IdbrTable(IReadOnlyList<int> years, int subclassCount, double[] count, RowAccount account)
    {
        if (count.Length != years.Count * subclassCount * BandCount)
            throw new ArgumentException($"expected {years.Count * subclassCount * BandCount} counts, got {count.Length}");
        Years = years;
        SubclassCount = subclassCount;
        _count = count;
        Account = account;
    }

    /// <summary>The years in the table, ascending.</summary>
    public IReadOnlyList<int> Years { get; }
    public int SubclassCount { get; }
    public RowAccount Account { get; }

    /// <summary>The size band an employment count falls in (employment below 0 is an error of the caller).</summary>
    public static int BandOf(double employment)
    {
        for (int b = BandCount - 1; b > 0; b--)
            if (employment >= BandLower[b]) return b;
        return 0;
    }

    /// <summary>Enterprises of one year, subclass and band; NaN where not published or the year is not in the table.</summary>
    public double Count(int year, int subclass, int band)
    {
        int t = YearIndex(year);
        return t < 0 ? double.NaN : _count[(t * SubclassCount + subclass) * BandCount + band];
    }

    /// <summary>The table's year nearest to <paramref name="year"/> (ties to the earlier year).</summary>
    public int NearestYear(int year)
    {
        int best = Years[0];
        foreach (var y in Years)
            if (Math.Abs(y - year) < Math.Abs(best - year)) best = y;
        return best;
    }

    /// <summary>
    /// Shares of enterprises by band for one year and subclass: count[b] / Σ count, with unpublished
    /// bands left out of both; false when no enterprise is counted in any band.
    /// </summary>
    public bool TryShares(int year, int subclass, Span<double> shares)
    {
        double total = 0;
        for (int b = 0; b < BandCount; b++)
        {
            var c = Count(year, subclass, b);
            shares[b] = double.IsNaN(c) ? 0 : c;
            total += shares[b];
        }
        if (total <= 0) return false;
        for (int b = 0; b < BandCount; b++) shares[b] /= total;
        return true;
    }

    private int YearIndex(int year)
    {
        for (int i = 0; i < Years.Count; i++) if (Years[i] == year) return i;
        return -1;
    }
}
