namespace CompeteModel.Engine.Generation;

/// <summary>
/// Options of <see cref="MicroDataGenerator"/>.
/// </summary>
/// <param name="Seed">Seed of every random stream; the same seed gives the same firms, byte for byte.</param>
/// <param name="FirstYear">First year written (not before 2015, the first BRES year; firms are always simulated from 2015).</param>
/// <param name="LastYear">Last year written; years after the last BRES year (2021) are extrapolated by the growth model.</param>
/// <param name="Scale">Multiplies every employment target (1 reproduces BRES; 0.1 gives about a tenth of the firms).</param>
/// <param name="Itl2Filter">ITL2 codes to generate (either code form); null for all of Great Britain.</param>
/// <param name="IncludeText">False leaves descriptions and CPC codes out (faster, for calibration checks).</param>
public sealed record MicroGeneratorOptions(
    long Seed = MicroGeneratorOptions.DefaultSeed,
    int FirstYear = 2015,
    int LastYear = 2021,
    double Scale = 1.0,
    IReadOnlyList<string>? Itl2Filter = null,
    bool IncludeText = true)
{
    /// <summary>The seed of the shipped data set (datasets/micro).</summary>
    public const long DefaultSeed = 20211;
}
