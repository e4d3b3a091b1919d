using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.IO;

/// <summary>
/// A command's outputs as one transaction. Each output (a folder or a file) is locked (<see cref="OutputLock"/>),
/// written into a hidden staging sibling (<c>.NAME.partial</c> for a folder, <c>.partial.NAME</c> for a file, so the
/// extension still chooses the format) and moved into place by <see cref="Commit"/>. Disposed without a commit
/// (an error, a cancellation) the staging is deleted, so the previous output stays byte for byte; a process killed
/// at any moment leaves at most a staging sibling, removed by the next writer. A folder is replaced by two renames
/// (old aside to <c>.NAME.previous</c>, new into place); a writer finding <c>.NAME.previous</c> without NAME
/// (killed between the renames) puts it back before anything else.
/// </summary>
public sealed class OutputTransaction : IDisposable
{
    /// <summary>The staging folders of every open transaction in the process (see <see cref="IsStaged"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Staged = new(StringComparer.Ordinal);

    private readonly string _holder;
    private readonly List<Entry> _entries = [];
    private bool _committed;

    /// <summary>
    /// True when <paramref name="directory"/> (a full path) is, or lies inside, the staging folder of an open transaction:
    /// its files are flushed to disk by <see cref="Commit"/>, all at once, before the folder moves into place.
    /// </summary>
    public static bool IsStaged(string directory)
    {
        if (Staged.IsEmpty) return false;
        foreach (var root in Staged.Keys)
            if (directory.Length >= root.Length && directory.StartsWith(root, StringComparison.Ordinal) &&
                (directory.Length == root.Length || directory[root.Length] == Path.DirectorySeparatorChar))
                return true;
        return false;
    }

    private OutputTransaction(string holder) => _holder = holder;

    /// <summary>Starts a transaction on behalf of <paramref name="holder"/> (named to a refused second writer).</summary>
    public static OutputTransaction Begin(string holder) => new(holder);

    /// <summary>
    /// Adds an output folder: locks it, checks it is not a file and returns an empty staging folder to write into.
    /// Everything in the folder is replaced on commit (files of an earlier run that this one does not write are gone).
    /// </summary>
    public string Folder(string path, string field = "--out")
    {
        var full = Prepare(path, field);
        if (System.IO.File.Exists(full)) throw new InputException("this is a file; the output must be a folder", path, field: field);
        var previous = Sibling(full, ".previous");
        if (!Directory.Exists(full) && Directory.Exists(previous)) Directory.Move(previous, full); // a replace killed between its renames
        Delete(previous);
        var staging = Sibling(full, ".partial");
        Delete(staging);
        Directory.CreateDirectory(staging);
        Staged[staging] = 0;
        _entries[^1] = _entries[^1] with { Staging = staging, IsFolder = true };
        return staging;
    }

    /// <summary>Adds an output file: locks it, checks it is not a folder and returns the staging file path to write.</summary>
    public string File(string path, string field = "--out")
    {
        var full = Prepare(path, field);
        if (Directory.Exists(full)) throw new InputException("this is a folder; the output must be a file", path, field: field);
        var staging = Path.Combine(Path.GetDirectoryName(full)!, ".partial." + Path.GetFileName(full));
        if (System.IO.File.Exists(staging)) System.IO.File.Delete(staging);
        _entries[^1] = _entries[^1] with { Staging = staging, IsFolder = false };
        return staging;
    }

    /// <summary>Moves every staged output into place, in the order they were added.</summary>
    public void Commit()
    {
        if (_committed) throw new InvalidOperationException("the transaction is already committed");
        foreach (var e in _entries)
        {
            if (e.IsFolder)
            {
                FlushToDisk(e.Staging);
                var previous = Sibling(e.Target, ".previous");
                if (Directory.Exists(e.Target)) Directory.Move(e.Target, previous);
                Directory.Move(e.Staging, e.Target);
                Delete(previous);
            }
            else if (System.IO.File.Exists(e.Staging))
                System.IO.File.Move(e.Staging, e.Target, overwrite: true);
        }
        _committed = true;
    }

    public void Dispose()
    {
        foreach (var e in _entries)
        {
            if (e.IsFolder) Staged.TryRemove(e.Staging, out _);
            try
            {
                if (!_committed)
                {
                    if (e.IsFolder) Delete(e.Staging);
                    else if (System.IO.File.Exists(e.Staging)) System.IO.File.Delete(e.Staging);
                }
            }
            catch (Exception x) when (x is IOException or UnauthorizedAccessException)
            {
                // the next writer removes a staging sibling it finds
            }
            finally
            {
                e.Lock.Dispose();
            }
        }
        _entries.Clear();
    }

    private string Prepare(string path, string field)
    {
        if (_committed) throw new InvalidOperationException("the transaction is already committed");
        if (string.IsNullOrWhiteSpace(path)) throw new InputException("the output path is empty", field: field);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        foreach (var e in _entries)
            if (string.Equals(e.Target, full, StringComparison.Ordinal))
                throw new InputException("two outputs of this command name the same path; give each its own", path, field: field);
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && System.IO.File.Exists(parent))
            throw new InputException("the folder to hold this output is a file", path, field: field);
        var held = OutputLock.Acquire(full, _holder, field);
        _entries.Add(new Entry(full, "", false, held));
        return full;
    }

    /// <summary>
    /// Flushes every file of a staged folder to disk before it moves into place, the files side by side: one fsync per
    /// file either way, but issued together the file system commits them in a few journal commits instead of one each
    /// (on this project's machine 200 files took 0.06–0.12 s together against 0.7–1.3 s in turn).
    /// </summary>
    private static void FlushToDisk(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 16 }, path =>
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            fs.Flush(flushToDisk: true);
        });
    }

    private static string Sibling(string full, string suffix) =>
        Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + suffix);

    private static void Delete(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private sealed record Entry(string Target, string Staging, bool IsFolder, OutputLock Lock);
}
