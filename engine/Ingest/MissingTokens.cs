namespace CompeteModel.Engine.Ingest;

/// <summary>
/// The markers official statistics use for a cell that is not published: empty, "NA" (R), "*" (suppressed),
/// ".." (not available), "x" (confidential), "-" (nil or not applicable), "!" (unreliable).
/// Such a cell is unknown, never zero.
/// </summary>
public static class MissingTokens
{
    public static bool IsMissing(string? cell, out string token)
    {
        token = cell?.Trim() ?? "";
        return token is "" or "*" or ".." or "x" or "X" or "-" or "!" or ":" or "c" or "NA";
    }

    /// <summary>The same rule on a span, for readers that make no string per cell; the token is one of the literals above.</summary>
    public static bool IsMissing(ReadOnlySpan<char> cell, out string token)
    {
        var t = cell.Trim();
        string? known = t switch
        {
            "" => "",
            "*" => "*",
            ".." => "..",
            "x" => "x",
            "X" => "X",
            "-" => "-",
            "!" => "!",
            ":" => ":",
            "c" => "c",
            "NA" => "NA",
            _ => null,
        };
        token = known ?? "";
        return known is not null;
    }
}
