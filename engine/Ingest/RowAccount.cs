using System.Globalization;
using System.Text;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Ingest;

/// <summary>
/// Row accounting for one input: every row read is either used, used as unknown (a suppressed or
/// empty published cell, kept as NaN and never as 0), or rejected with a reason. The identity
/// Read = Used + Unknown + Rejected always holds; <see cref="Check"/> asserts it.
/// </summary>
public sealed class RowAccount
{
    private readonly SortedDictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _unknownByToken = new(StringComparer.Ordinal);
    private readonly List<Reject> _rejects = new();

    public RowAccount(string source) => Source = source;

    /// <summary>The file (or folder) the rows came from.</summary>
    public string Source { get; }
    public long Read { get; private set; }
    public long Used { get; private set; }
    public long Unknown { get; private set; }
    public long Rejected { get; private set; }
    public IReadOnlyDictionary<string, long> RejectedByReason => _byReason;

    /// <summary>Unknown cells by the token that marked them ("" for an empty cell, "*", "..", "x", "-", "!").</summary>
    public IReadOnlyDictionary<string, long> UnknownByToken => _unknownByToken;
    public IReadOnlyList<Reject> Rejects => _rejects;

    public void CountRead(long n = 1) => Read += n;
    public void CountUsed(long n = 1) => Used += n;

    public void CountUnknown(string token)
    {
        Unknown++;
        _unknownByToken[token] = _unknownByToken.GetValueOrDefault(token) + 1;
    }

    public void Reject(string file, long line, string field, string reason, string? value)
    {
        Rejected++;
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
        _rejects.Add(new Reject(file, line, field, reason, value));
    }

    /// <summary>Throws when a row was neither used nor rejected: nothing may be lost silently.</summary>
    public void Check()
    {
        if (Read != Used + Unknown + Rejected)
            throw new InvalidOperationException($"{Source}: row accounting does not balance: read {Read} ≠ used {Used} + unknown {Unknown} + rejected {Rejected}");
    }

    /// <summary>A one-paragraph summary for the run log, e.g. "bres.csv.gz: 204,120 read, 204,105 used, 15 unknown (empty 15), 0 rejected".</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(Source)}: {Read:N0} read, {Used:N0} used, {Unknown:N0} unknown");
        if (_unknownByToken.Count > 0)
            sb.Append(" (").Append(string.Join(", ", _unknownByToken.Select(kv => $"{(kv.Key.Length == 0 ? "empty" : "'" + kv.Key + "'")} {kv.Value:N0}"))).Append(')');
        sb.Append(CultureInfo.InvariantCulture, $", {Rejected:N0} rejected");
        if (_byReason.Count > 0)
            sb.Append(" (").Append(string.Join(", ", _byReason.Select(kv => $"{kv.Key} {kv.Value:N0}"))).Append(')');
        return sb.ToString();
    }

    /// <summary>
    /// What a command prints on stderr after reading an input (the one reject printer): the <see cref="Summary"/> line, the
    /// first <paramref name="max"/> rejected rows one per line (file:line, field, reason, value), and how many more there are;
    /// every line ends in a newline. The full list goes to a rejects table (<see cref="RejectsTable"/>).
    /// </summary>
    public string Report(int max = 20)
    {
        var sb = new StringBuilder(Summary()).Append('\n');
        foreach (var r in _rejects.Take(max))
            sb.Append(CultureInfo.InvariantCulture, $"  rejected {r.File}:{r.Line}, field '{r.Field}': {r.Reason}{(r.Value is null ? "" : " (" + r.Value + ")")}").Append('\n');
        if (_rejects.Count > max) sb.Append(CultureInfo.InvariantCulture, $"  … and {_rejects.Count - max:N0} more rejected rows").Append('\n');
        return sb.ToString();
    }

    /// <summary>The rejects of several inputs as one table: file, line, field, reason, value.</summary>
    public static Table RejectsTable(IEnumerable<RowAccount> accounts)
    {
        var all = accounts.SelectMany(a => a.Rejects).ToList();
        return new Table(new[]
        {
            TableColumn.Of("file", all.Select(r => (string?)r.File).ToArray()),
            TableColumn.Of("line", all.Select(r => r.Line).ToArray()),
            TableColumn.Of("field", all.Select(r => (string?)r.Field).ToArray()),
            TableColumn.Of("reason", all.Select(r => (string?)r.Reason).ToArray()),
            TableColumn.Of("value", all.Select(r => r.Value).ToArray()),
        });
    }
}
