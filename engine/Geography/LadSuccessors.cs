using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// Older local authority district codes and the district that succeeded each (mergers of 2019–2023, and code changes
/// without a boundary change), so that a NOMIS download by districts of any vintage rolls up to the same city regions.
/// A district's <see cref="Leaves"/> are the oldest codes it is made of; two sets of districts cover the same ground
/// when their leaves are the same.
/// </summary>
public sealed class LadSuccessors
{
    private readonly Dictionary<string, string> _successor;
    private readonly Dictionary<string, string> _names;
    private readonly Dictionary<string, List<string>> _predecessors;

    public LadSuccessors(IReadOnlyDictionary<string, string> successor, IReadOnlyDictionary<string, string> names)
    {
        _successor = new Dictionary<string, string>(successor, StringComparer.OrdinalIgnoreCase);
        _names = new Dictionary<string, string>(names, StringComparer.OrdinalIgnoreCase);
        _predecessors = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (old, next) in _successor)
        {
            if (!_predecessors.TryGetValue(next, out var list)) _predecessors[next] = list = new List<string>();
            list.Add(old);
        }
    }

    /// <summary>No code changes: every district is its own leaf.</summary>
    public static LadSuccessors None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Reads <c>lad_code, lad_name, successor_code, successor_name, effective</c>; a code with two successors is an error.</summary>
    public static LadSuccessors Read(string path)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cOld = h.Require("lad_code"), cName = h.Require("lad_name"), cNew = h.Require("successor_code"), cNewName = h.Require("successor_name");
        var successor = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var f = csv.Fields;
            string old = f[cOld].Trim(), next = f[cNew].Trim();
            if (old.Length == 0 || next.Length == 0) throw new InputException("empty district code", path, csv.RecordLine, "lad_code");
            if (!successor.TryAdd(old, next)) throw new InputException($"district {old} has two successors", path, csv.RecordLine, "successor_code");
            names.TryAdd(old, f[cName].Trim());
            names.TryAdd(next, f[cNewName].Trim());
        }
        return new LadSuccessors(successor, names);
    }

    /// <summary>True when the code is a district this table knows (an older code or a successor).</summary>
    public bool Knows(string code) => _successor.ContainsKey(code) || _predecessors.ContainsKey(code);

    /// <summary>The district that succeeded <paramref name="code"/>, or null when it is current.</summary>
    public string? SuccessorOf(string code) => _successor.TryGetValue(code, out var s) ? s : null;

    public string? NameOf(string code) => _names.TryGetValue(code, out var n) ? n : null;

    /// <summary>The oldest codes a district is made of (itself when it has no predecessor).</summary>
    public IReadOnlyList<string> Leaves(string code)
    {
        if (!_predecessors.TryGetValue(code, out var preds)) return [code.ToUpperInvariant()];
        var result = new List<string>();
        foreach (var p in preds) result.AddRange(Leaves(p));
        return result;
    }
}
