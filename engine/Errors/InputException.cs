namespace CompeteModel.Engine.Errors;

/// <summary>
/// The one exception type for problems a user can cause (bad file, bad option, bad spec).
/// It names where the problem is (file, line, field) and says what was expected, in words
/// written for an analyst. The CLI prints <see cref="Exception.Message"/> and exits with 1.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message, string? file = null, long? line = null, string? field = null, Exception? inner = null)
        : base(Compose(message, file, line, field), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Detail = message;
    }

    /// <summary>The file the problem is in, when there is one.</summary>
    public string? File { get; }

    /// <summary>1-based physical line in <see cref="File"/>, when known.</summary>
    public long? Line { get; }

    /// <summary>The column, key or option at fault, when known.</summary>
    public string? Field { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }

    private static string Compose(string message, string? file, long? line, string? field)
    {
        var where = file ?? "";
        if (line is not null) where += (where.Length > 0 ? ":" : "line ") + line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (field is not null) where += (where.Length > 0 ? ", " : "") + "field '" + field + "'";
        return where.Length > 0 ? where + ": " + message : message;
    }
}
