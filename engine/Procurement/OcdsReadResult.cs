namespace CompeteModel.Engine.Procurement;

/// <summary>
/// What the readers found: the usable releases, in input order (files in ordinal order of their
/// path, releases in file order), and the rejected ones. <see cref="UnitsRead"/> counts every release
/// met plus every unreadable piece of a file (a malformed JSON file or line counts as one unit), so
/// <c>UnitsRead = Releases.Count + Rejects.Count</c> always holds.
/// </summary>
public sealed class OcdsReadResult
{
    private readonly List<ProcurementRelease> _releases = new();
    private readonly List<ProcurementReject> _rejects = new();
    private readonly List<string> _files = new();

    public IReadOnlyList<ProcurementRelease> Releases => _releases;
    public IReadOnlyList<ProcurementReject> Rejects => _rejects;

    /// <summary>The files read, in the order they were read.</summary>
    public IReadOnlyList<string> Files => _files;
    public long UnitsRead => _releases.Count + _rejects.Count;

    internal void AddFile(string file) => _files.Add(file);
    internal void Add(ProcurementRelease release) => _releases.Add(release);
    internal void Reject(ProcurementReject reject) => _rejects.Add(reject);
}
