namespace CompeteModel.Engine.Technologies;

/// <summary>
/// One technology found in one description. There is one hit per technology: <see cref="Evidence"/>
/// joins all its evidence with <c>|</c> — first the matched phrases, as written in the taxonomy and in
/// taxonomy order, then the matched CPC codes, normalised (<c>G06N3/08</c>) and in input order.
/// <see cref="Kind"/> is <see cref="EvidenceKind.Phrase"/> when any phrase matched, else
/// <see cref="EvidenceKind.Cpc"/>.
/// </summary>
public sealed record TechnologyHit(string TechnologyId, string Evidence, EvidenceKind Kind);
