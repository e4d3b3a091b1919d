using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Sectors;

/// <summary>
/// Reads a cluster definition file: CSV with columns cluster, cluster_name, sic, share, reason, source, one row per
/// SIC code of a cluster (rows of a cluster need not be adjacent; clusters keep the order of their first row).
/// Every row is used or rejected with an <see cref="InputException"/> naming file, line and field.
/// </summary>
public static class SectorSetReader
{
    private static readonly string[] Columns = ["cluster", "cluster_name", "sic", "share", "reason", "source"];

    public static SectorSet Read(string path, string name)
    {
        var t = TableFiles.ReadCsv(path);
        foreach (var c in Columns)
            if (!t.HasColumn(c)) throw new InputException($"a sector-set file needs the columns {string.Join(", ", Columns)}; '{c}' is missing", path, 1, c);
        var order = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<ClusterMember>>(StringComparer.Ordinal);
        for (int r = 0; r < t.RowCount; r++)
        {
            long line = t.LineOf(r);
            string Text(string col) => t.GetText(t.Column(col), r)?.Trim() ?? "";
            var id = Text("cluster");
            if (id.Length == 0) throw new InputException("the cluster id is empty", path, line, "cluster");
            if (id == SectorSet.RestId) throw new InputException($"'{SectorSet.RestId}' is reserved for the rest of the economy", path, line, "cluster");
            var code = Text("sic");
            if (SicHierarchy.LevelOf(SicHierarchy.Clean(code)) is null) throw new InputException($"'{code}' is not a SIC 2007 code (a section letter or 2–5 digits)", path, line, "sic");
            var shareText = Text("share");
            double share = shareText.Length == 0 ? 1 : double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : double.NaN;
            if (!(share > 0 && share <= 1)) throw new InputException($"share '{shareText}' must be a number in (0, 1]", path, line, "share");
            var reason = Text("reason");
            if (reason.Length == 0) throw new InputException("every row needs a reason (why the code belongs to the cluster)", path, line, "reason");
            var clusterName = Text("cluster_name");
            if (!names.TryGetValue(id, out var known)) { names[id] = clusterName.Length > 0 ? clusterName : id; order.Add(id); members[id] = []; }
            else if (clusterName.Length > 0 && clusterName != known) throw new InputException($"cluster '{id}' is named '{known}' on an earlier row and '{clusterName}' here", path, line, "cluster_name");
            members[id].Add(new ClusterMember(code, share, reason, Text("source"), line));
        }
        if (order.Count == 0) throw new InputException("the sector-set file has no rows", path, 1, "cluster");
        return new SectorSet(name, path, order.Select(id => new Cluster(id, names[id], members[id])).ToArray());
    }
}
