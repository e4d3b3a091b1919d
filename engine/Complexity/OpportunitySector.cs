namespace CompeteModel.Engine.Complexity;

/// <summary>A product (sector) a region is not yet specialised in (M = 0), with what moving into it would add.</summary>
public sealed record OpportunitySector(string Product, double Cog, double Density, double Pci, double Rca);
