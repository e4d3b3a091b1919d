namespace CompeteModel.Engine.Technologies;

/// <summary>
/// One enabling technology of the taxonomy (the catalogue's <c>technology-taxonomy</c>).
/// </summary>
/// <param name="Id">Stable id that specs and users refer to (e.g. <c>ai</c>, <c>hydrogen</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Family"><c>uk_critical</c>, <c>eu_ket</c> or <c>net_zero</c>.</param>
/// <param name="Phrases">Phrases as written in the taxonomy; each word matches its singular or plural form.</param>
/// <param name="Exclusions">Phrases that suppress an overlapping phrase occurrence of this technology.</param>
/// <param name="CpcPrefixes">CPC prefixes, normalised (upper case, no spaces), e.g. <c>G06N3</c>, <c>H04L9/0852</c>.</param>
/// <param name="Sources">Full citations of the sources that define the technology.</param>
public sealed record Technology(
    string Id,
    string Name,
    string Family,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<string> CpcPrefixes,
    IReadOnlyList<string> Sources);
