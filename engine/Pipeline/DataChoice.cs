using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Ingest.Uk;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The data a command reads besides the shipped files: a BRES download and a catalogue file, with the BRES rows to keep.</summary>
public sealed record DataChoice(string? Bres = null, string? BresStatus = null, string? BresMeasure = null, string? CatalogueFile = null)
{
    public static DataChoice Shipped { get; } = new();

    public DataCatalogue Open(string dataDir) =>
        CatalogueFile is null ? DataCatalogue.Open(dataDir) : DataCatalogue.Open(dataDir, DataCatalogue.ReadOverrides(CatalogueFile));

    public UkData Load(string dataDir) =>
        UkData.Load(Open(dataDir), Bres, new BresReadOptions { EmploymentStatus = BresStatus, Measure = BresMeasure });
}
