namespace CompeteModel.Engine.Catalogue;

/// <summary>
/// One dataset the catalogue knows: its id, its path under <c>datasets/</c>, what it holds, its geography and years,
/// its vintage (which release of the source it is) and licence.
/// </summary>
public sealed record DatasetInfo(
    string Id,
    string RelativePath,
    DatasetKind Kind,
    string Geography,
    string Years,
    string Vintage,
    string Licence,
    string Description)
{
    /// <summary>One line for run.json and reports: "id: description, vintage".</summary>
    public string Citation => $"{Id}: {Description} ({Vintage})";
}
