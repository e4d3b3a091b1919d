namespace CompeteModel.Engine.Scoring;

/// <summary>How an indicator is put on a common scale over the scored units (OECD/JRC handbook, 2008, section 5). Formulas in <see cref="Normaliser"/>.</summary>
public enum NormalisationMethod
{
    /// <summary>Min–max onto 0–100 (the default): 100·(x − min)/(max − min).</summary>
    MinMax,
    /// <summary>Standard score (x − mean)/sd, population sd.</summary>
    ZScore,
    /// <summary>Rank among the units, 1 = lowest; ties get their average rank.</summary>
    Rank,
    /// <summary>Percentile rank 0–100: 100·(rank − 1)/(n − 1), ties averaged.</summary>
    Percentile,
    /// <summary>Distance to a target value t: 100·(1 − |x − t| / max|x − t|); 100 at the target. Closeness is what scores, so the direction is not applied.</summary>
    Target,
}
