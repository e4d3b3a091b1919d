namespace CompeteModel.Engine.Scoring;

/// <summary>An indicator's winsorisation setting; percentiles are in 0–100 and only used in <see cref="WinsorisationMode.Percentiles"/>.</summary>
public sealed record Winsorisation(WinsorisationMode Mode, double LowerPercentile = 0, double UpperPercentile = 100)
{
    /// <summary>No winsorisation.</summary>
    public static Winsorisation None { get; } = new(WinsorisationMode.None);

    /// <summary>Automatic winsorisation by the skewness/kurtosis rule.</summary>
    public static Winsorisation Auto { get; } = new(WinsorisationMode.Auto);
}
