namespace CompeteModel.Engine.Technologies;

/// <summary>What a <see cref="TechnologyHit"/> rests on.</summary>
public enum EvidenceKind
{
    /// <summary>A taxonomy phrase found in the description (CPC codes may also have matched).</summary>
    Phrase,

    /// <summary>Only CPC codes matched.</summary>
    Cpc,
}
