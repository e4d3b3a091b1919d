using System.Globalization;
using System.Text;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The text <c>compete compare</c> prints: the regions' top sectors side by side, the sectors' names, each region's peers.</summary>
public static class CompareSummaryText
{
    /// <summary>Each region's top sectors side by side (codes), then the codes' names, then each region's peers.</summary>
    public static string Build(CompareResult c, int top)
    {
        var runs = c.Regions.Select(r => r.Run).ToList();
        var sb = new StringBuilder();
        var first = runs[0];
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"spec '{first.Spec.Name}', {first.Level.ToString().ToLowerInvariant()} level, {first.BaseYear}-{first.Year}; top {top} sectors by region\n"));
        sb.Append("rank").Append(string.Concat(c.Regions.Select(r => "  " + r.Label.ToUpperInvariant().PadRight(6)))).Append('\n');
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < top; k++)
        {
            sb.Append((k + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4));
            foreach (var r in runs)
            {
                var code = k < r.Score.Units.Count ? r.Score.Units[k].Code : "-";
                if (code != "-") codes.Add(code);
                sb.Append("  ").Append(code.PadRight(6));
            }
            sb.Append('\n');
        }
        sb.Append('\n');
        foreach (var code in codes) sb.Append(code.PadRight(6)).Append(first.SectorNames.TryGetValue(code, out var nm) ? FirstSentence(nm) : "").Append('\n');
        sb.Append('\n');
        string measure = c.Options.Similarity == PeersSimilarity.Cosine ? "cosine similarity" : "Krugman distance";
        sb.Append("peers (").Append(measure).Append(" of employment shares):\n");
        for (int i = 0; i < runs.Count; i++)
            sb.Append("  ").Append(c.Regions[i].Label.ToUpperInvariant().PadRight(6)).Append(' ')
              .Append(string.Join(", ", c.Peers[i].Select(p => p.RegionId.ToUpperInvariant() + " " + CompareTables.Num(p.Value)))).Append('\n');
        return sb.ToString();
    }

    // some SIC names carry the division's description after the title
    private static string FirstSentence(string name)
    {
        int dot = name.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
