namespace CompeteModel.Engine.Scoring;

/// <summary>The family of computations an indicator comes from (its provenance inside the engine).</summary>
public enum IndicatorFamily
{
    /// <summary>Location quotients, RCA and binary presence.</summary>
    Specialisation,
    /// <summary>Growth rates and shift-share decompositions.</summary>
    Growth,
    /// <summary>Productivity (GVA per job).</summary>
    Productivity,
    /// <summary>Relatedness, economic complexity and opportunity (Hidalgo–Hausmann, Tacchella).</summary>
    Complexity,
    /// <summary>Enabling technologies (patents, firm technology tags).</summary>
    Technology,
    /// <summary>Public procurement demand.</summary>
    Demand,
    /// <summary>Size counts (employment, firms).</summary>
    Size,
}
