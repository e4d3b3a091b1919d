namespace CompeteModel.Engine.Catalogue;

/// <summary>A dataset as a run would use it: the catalogue's entry, the file actually read and whether the user gave it.</summary>
public sealed record DataSource(DatasetInfo Info, string Path, bool UserFile, bool Exists)
{
    /// <summary>The vintage printed for this source: the shipped entry's, or "user file" with its name for an override.</summary>
    public string Vintage => UserFile ? "user file " + System.IO.Path.GetFileName(Path) : Info.Vintage;
}
