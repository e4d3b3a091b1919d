using System.Globalization;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The compiled processes and the row accounting of the releases behind them. Every unit read is
/// either a release compiled into an accepted process or a rejected unit:
/// <c>UnitsRead = ReleasesCompiled + Rejects.Count</c> (<see cref="Check"/>).
/// </summary>
public sealed class CompiledProcesses
{
    public CompiledProcesses(IReadOnlyList<ProcurementProcess> processes, IReadOnlyList<ProcurementReject> rejects, long unitsRead, long releasesCompiled, IReadOnlyList<string> files)
    {
        Processes = processes;
        Rejects = rejects;
        UnitsRead = unitsRead;
        ReleasesCompiled = releasesCompiled;
        Files = files;
    }

    /// <summary>Accepted processes, ordered by ocid (ordinal).</summary>
    public IReadOnlyList<ProcurementProcess> Processes { get; }

    /// <summary>Rejected units: unreadable releases, and every release of a process rejected as a whole.</summary>
    public IReadOnlyList<ProcurementReject> Rejects { get; }
    public long UnitsRead { get; }
    public long ReleasesCompiled { get; }
    public IReadOnlyList<string> Files { get; }

    /// <summary>Rejected units by reason, reasons in ordinal order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RejectsByReason =>
        Rejects.GroupBy(r => r.Reason).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).ToList();

    /// <summary>Throws when a unit was neither compiled nor rejected.</summary>
    public void Check()
    {
        if (UnitsRead != ReleasesCompiled + Rejects.Count)
            throw new InvalidOperationException($"release accounting does not balance: read {UnitsRead} ≠ compiled {ReleasesCompiled} + rejected {Rejects.Count}");
    }

    /// <summary>One line for the run log.</summary>
    public string Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        var s = string.Format(inv, "{0:N0} releases read from {1:N0} file(s): {2:N0} compiled into {3:N0} processes, {4:N0} rejected",
            UnitsRead, Files.Count, ReleasesCompiled, Processes.Count, Rejects.Count);
        if (Rejects.Count > 0)
            s += " (" + string.Join(", ", RejectsByReason.Select(kv => string.Format(inv, "{0} {1:N0}", kv.Key, kv.Value))) + ")";
        return s;
    }
}
