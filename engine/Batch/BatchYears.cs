using System.Globalization;

namespace CompeteModel.Engine.Batch;

/// <summary>The year range of one run: <c>2019-2021</c> or a single year <c>2021</c> (first = last).</summary>
public readonly record struct BatchYears
{
    public BatchYears(int first, int last)
    {
        if (first < 1900 || last > 2200 || last < first)
            throw new ArgumentOutOfRangeException(nameof(first), $"year range {first}-{last} is not a valid range (first ≤ last, 1900–2200)");
        First = first;
        Last = last;
    }

    public int First { get; }
    public int Last { get; }

    /// <summary>Parses "2019-2021", "2019–2021" or "2021"; null when the text is not of that form.</summary>
    public static BatchYears? TryParse(string text)
    {
        var t = text.Trim().Replace('–', '-');
        var parts = t.Split('-');
        if (parts.Length is < 1 or > 2) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)) return null;
        int b = a;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out b)) return null;
        if (a < 1900 || b > 2200 || b < a) return null;
        return new BatchYears(a, b);
    }

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : First.ToString(CultureInfo.InvariantCulture) + "-" + Last.ToString(CultureInfo.InvariantCulture);
}
