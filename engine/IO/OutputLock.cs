using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.IO;

/// <summary>
/// One writer per output: an operating-system lock (exclusive, non-blocking) on a hidden sibling file
/// <c>.NAME.lock</c> next to the output folder or file NAME. A second writer is refused at once with an
/// <see cref="InputException"/> naming the output and the holder (its description is kept in <c>.NAME.owner</c>,
/// since an exclusively locked file cannot be read by others). The lock is released when the holder is disposed or
/// its process ends, however it ends; the lock file itself is left in place (deleting it would let a third writer
/// lock a new file while the second still holds the old one).
/// </summary>
public sealed class OutputLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private OutputLock(string target, FileStream stream, string ownerFile)
    {
        Target = target;
        _lock = stream;
        _ownerFile = ownerFile;
    }

    /// <summary>The full path of the locked output.</summary>
    public string Target { get; }

    /// <summary>The lock file of an output: <c>.NAME.lock</c> in the output's parent folder.</summary>
    public static string LockFileOf(string target) => SiblingOf(target, ".lock");

    /// <summary>
    /// Locks <paramref name="target"/> for writing on behalf of <paramref name="holder"/> (e.g. "compete run, process 1234");
    /// throws <see cref="InputException"/> naming the target and the current holder when another writer has it.
    /// </summary>
    public static OutputLock Acquire(string target, string holder, string? field = null)
    {
        var full = Path.GetFullPath(target);
        var lockFile = SiblingOf(full, ".lock");
        var ownerFile = SiblingOf(full, ".owner");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot create the folder that holds this output: " + e.Message, full, field: field, inner: e);
        }
        FileStream stream;
        try
        {
            stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException("cannot write here (permission denied)", full, field: field, inner: e);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            string who = ReadOwner(ownerFile);
            throw new InputException($"another process is writing this output ({who}); wait for it to finish or choose another folder or file", full, field: field, inner: e);
        }
        try
        {
            File.WriteAllText(ownerFile, holder + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the owner note only improves the message a refused writer sees; the lock itself is held
        }
        return new OutputLock(full, stream, ownerFile);
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(_ownerFile)) File.Delete(_ownerFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a stale owner note is overwritten by the next holder
        }
        _lock.Dispose();
    }

    private static string ReadOwner(string ownerFile)
    {
        try
        {
            var text = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "";
            return text.Length > 0 ? "held by " + text : "held by a process that has not named itself yet";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "holder unknown";
        }
    }

    private static string SiblingOf(string target, string suffix)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var dir = Path.GetDirectoryName(full) ?? throw new InputException("an output cannot be the root of the file system", target);
        return Path.Combine(dir, "." + Path.GetFileName(full) + suffix);
    }
}
