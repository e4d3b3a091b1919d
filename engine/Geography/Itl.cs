namespace CompeteModel.Engine.Geography;

/// <summary>ITL code forms. ITL 2021 codes replaced the NUTS 2016 prefix UK with TL for the same areas.</summary>
public static class Itl
{
    /// <summary>Turns a NUTS 2016 form (<c>UKG3</c>) into the ITL 2021 form (<c>TLG3</c>); other codes are returned upper-cased.</summary>
    public static string Normalise(string code)
    {
        var c = code.Trim().ToUpperInvariant();
        if (c.Length >= 3 && c.StartsWith("UK", StringComparison.Ordinal) && char.IsLetter(c[2])) return "TL" + c[2..];
        return c;
    }
}
