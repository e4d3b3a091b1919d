using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// Range checks on numeric options, run by the parser: a value out of range is a usage error (exit 2) naming the
/// option, the value and the range, before any work starts. A value that is not a number at all is left to the
/// parser's own type error.
/// </summary>
public static class OptionRanges
{
    public static Option<int> AtLeast(this Option<int> o, int min)
    {
        o.Validators.Add(r => CheckInt(r, o.Name, min));
        return o;
    }

    public static Option<int?> AtLeast(this Option<int?> o, int min)
    {
        o.Validators.Add(r => CheckInt(r, o.Name, min));
        return o;
    }

    /// <summary>A finite number strictly above <paramref name="min"/>.</summary>
    public static Option<double> Above(this Option<double> o, double min)
    {
        o.Validators.Add(r =>
        {
            if (Token(r) is not { } t || !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return;
            if (!(v > min) || !double.IsFinite(v))
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{o.Name} must be a finite number above {min} (got {t})"));
        });
        return o;
    }

    private static void CheckInt(OptionResult r, string name, int min)
    {
        if (Token(r) is not { } t || !long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return;
        if (v < min) r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min} (got {t})"));
    }

    private static string? Token(OptionResult r) => r.Implicit || r.Tokens.Count == 0 ? null : r.Tokens[^1].Value;
}
