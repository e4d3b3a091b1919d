using System.Globalization;
using System.Text;
using CompeteModel.Engine.Ingest.Micro;

namespace CompeteModel.Engine.Ingest;

/// <summary>What <c>compete data check</c> prints about a firm-level file: its row account and the counts behind it, one a line.</summary>
public static class FirmFileCheckText
{
    /// <summary>The account's summary, then read, used and rejected counts (tab-separated), the count per reject reason, and firms with a SIC code coarser than a subclass.</summary>
    public static string Build(MicroData micro)
    {
        var a = micro.Account;
        var sb = new StringBuilder(a.Summary()).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"read\t{a.Read}\n");
        sb.Append(CultureInfo.InvariantCulture, $"used\t{a.Used}\n");
        sb.Append(CultureInfo.InvariantCulture, $"rejected\t{a.Rejected}\n");
        foreach (var (reason, n) in a.RejectedByReason)
            sb.Append(CultureInfo.InvariantCulture, $"rejected: {reason}\t{n}\n");
        int coarse = micro.Firms.SubclassIndex.Count(s => s < 0);
        if (coarse > 0)
            sb.Append(CultureInfo.InvariantCulture,
                $"used with a SIC code coarser than a 5-digit subclass (counted only at that level and above; rejected at finer levels)\t{coarse}\n");
        return sb.ToString();
    }
}
