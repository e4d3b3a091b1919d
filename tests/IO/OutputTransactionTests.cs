using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.IO;

/// <summary>Outputs as transactions (issue 13, items 1–2): all or nothing, one writer per output.</summary>
public sealed class OutputTransactionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "compete-tx-" + Guid.NewGuid().ToString("N")[..8]);

    public OutputTransactionTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private string P(params string[] parts) => Path.Combine([_root, .. parts]);

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void WriteRun(string dir, string tag)
    {
        File.WriteAllText(Path.Combine(dir, "rankings.csv"), "sector,rank\n29," + tag + "\n");
        Directory.CreateDirectory(Path.Combine(dir, "charts"));
        File.WriteAllText(Path.Combine(dir, "charts", "bubble.svg"), "<svg>" + tag + "</svg>");
    }

    [Fact]
    public void CommittedFolderReplacesThePreviousOneWhole()
    {
        var dir = P("run");
        using (var tx = OutputTransaction.Begin("first"))
        {
            WriteRun(tx.Folder(dir), "1");
            File.WriteAllText(Path.Combine(tx.Folder(P("other")), "x.txt"), "x");
            tx.Commit();
        }
        File.WriteAllText(Path.Combine(dir, "stale.csv"), "from an older run");
        using (var tx = OutputTransaction.Begin("second"))
        {
            var staging = tx.Folder(dir);
            Assert.NotEqual(Path.GetFullPath(dir), staging);
            Assert.Empty(Directory.EnumerateFileSystemEntries(staging));
            WriteRun(staging, "2");
            tx.Commit();
        }
        Assert.Equal(["charts/bubble.svg", "rankings.csv"], Snapshot(dir).Keys.Select(k => k.Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal("sector,rank\n29,2\n", File.ReadAllText(Path.Combine(dir, "rankings.csv")));
        // nothing but the output and its lock file is left beside it
        Assert.Equal([".other.lock", ".run.lock", "other", "run"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UncommittedTransactionLeavesThePreviousOutputByteForByte()
    {
        var dir = P("run");
        var file = P("table.csv");
        using (var tx = OutputTransaction.Begin("first"))
        {
            WriteRun(tx.Folder(dir), "1");
            File.WriteAllText(tx.File(file), "a\n1\n");
            tx.Commit();
        }
        var before = Snapshot(dir);
        Assert.Throws<InvalidDataException>(void () =>
        {
            using var tx = OutputTransaction.Begin("failing");
            WriteRun(tx.Folder(dir), "2");
            File.WriteAllText(tx.File(file), "a\n2\n");
            throw new InvalidDataException("the run failed half-way");
        });
        Assert.Equal(before, Snapshot(dir));
        Assert.Equal("a\n1\n", File.ReadAllText(file));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_root), e => e.Contains(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public void SecondWriterIsRefusedNamingTheOutputAndTheHolder()
    {
        var dir = P("run");
        using var first = OutputTransaction.Begin("compete run, process 111");
        first.Folder(dir);
        using var second = OutputTransaction.Begin("compete run, process 222");
        var e = Assert.Throws<InputException>(() => second.Folder(dir));
        Assert.Equal(Path.GetFullPath(dir), e.File);
        Assert.Contains("held by compete run, process 111", e.Message);
        first.Dispose();
        second.Folder(dir); // released: the next writer gets it
    }

    [Fact]
    public void FileAndFolderMistakesAreInputErrors()
    {
        File.WriteAllText(P("a-file"), "x");
        Directory.CreateDirectory(P("a-folder.csv"));
        using var tx = OutputTransaction.Begin("t");
        Assert.Contains("this is a file", Assert.Throws<InputException>(() => tx.Folder(P("a-file"))).Message);
        Assert.Contains("this is a folder", Assert.Throws<InputException>(() => tx.File(P("a-folder.csv"), "--diagnostics")).Message);
        Assert.Contains("is a file", Assert.Throws<InputException>(() => tx.File(P("a-file", "inside.csv"))).Message);
        tx.File(P("same.csv"));
        Assert.Contains("same path", Assert.Throws<InputException>(() => tx.File(P("same.csv"), "--diagnostics")).Message);
    }

    [Fact]
    public void AReplaceKilledBetweenItsRenamesIsUndoneByTheNextWriter()
    {
        var dir = P("run");
        // the state a process killed after moving the old folder aside leaves: .run.previous and no run
        Directory.CreateDirectory(P(".run.previous"));
        WriteRun(P(".run.previous"), "old");
        Directory.CreateDirectory(P(".run.partial"));
        File.WriteAllText(P(".run.partial", "half.csv"), "half");
        var old = Snapshot(P(".run.previous"));
        using (var tx = OutputTransaction.Begin("next"))
        {
            tx.Folder(dir);
            Assert.Equal(old, Snapshot(dir)); // restored before anything else
            Assert.False(File.Exists(P(".run.partial", "half.csv")));
        }
        Assert.Equal(old, Snapshot(dir));
        Assert.False(Directory.Exists(P(".run.previous")));
    }

    [Fact]
    public void FilesInAStagedFolder_AreFlushedAtCommit_SoOnlyTheStagingAndItsSubfoldersCountAsStaged()
    {
        var dir = P("flushed");
        using (var tx = OutputTransaction.Begin("flush"))
        {
            var staging = tx.Folder(dir);
            Assert.True(OutputTransaction.IsStaged(staging));
            Assert.True(OutputTransaction.IsStaged(Path.Combine(staging, "charts")));
            Assert.False(OutputTransaction.IsStaged(staging + "x")); // a sibling that shares the prefix
            Assert.False(OutputTransaction.IsStaged(_root));
            TextFiles.WriteAllTextAtomic(Path.Combine(staging, "charts", "a.svg"), "<svg/>");
            tx.Commit();
            Assert.Equal("<svg/>", File.ReadAllText(Path.Combine(dir, "charts", "a.svg")));
        }
        Assert.False(OutputTransaction.IsStaged(Path.Combine(_root, ".flushed.partial"))); // released with the transaction
    }
}
