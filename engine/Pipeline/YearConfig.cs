using System.Globalization;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One choice of years for a city-region run: growth from the base window [Base, Base + Window − 1] to the end window
/// [End − Window + 1, End], levels (LQ, productivity, complexity) in End.
/// </summary>
public sealed record YearConfig(int Base, int End, int Window)
{
    /// <summary>"2015–2021, 3-year endpoints".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Base}–{End}, {Window}-year endpoint{(Window == 1 ? "" : "s")}");
}
