namespace CompeteModel.Engine.Catalogue;

/// <summary>The data catalogue as <c>compete data sources</c> prints it: a tab-separated table, one dataset a line.</summary>
public static class DataSourcesText
{
    /// <summary>
    /// A header line, then per dataset: id, kind, file (relative to the datasets folder; the user's files as given), vintage,
    /// years, geography, licence, and whether it is shipped, the user's or missing. Every line ends in a newline.
    /// </summary>
    public static string Build(IEnumerable<DataSource> rows, string datasetsDirectory)
    {
        var sb = new System.Text.StringBuilder("id\tkind\tfile\tvintage\tyears\tgeography\tlicence\tsource\n");
        foreach (var s in rows)
        {
            var file = s.UserFile ? s.Path : Path.GetRelativePath(datasetsDirectory, s.Path).Replace('\\', '/');
            sb.Append(string.Join('\t', s.Info.Id, s.Info.Kind.ToString().ToLowerInvariant(), file, s.Vintage, s.Info.Years, s.Info.Geography,
                s.Info.Licence, s.UserFile ? "user" : s.Exists ? "shipped" : "missing")).Append('\n');
        }
        return sb.ToString();
    }
}
