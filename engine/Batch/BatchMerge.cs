using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// Joins the manifests and outputs of a plan's shards (each shard's folder holds
/// <c>manifest-shard-K-of-N.json</c> and <c>runs/</c>) into one folder with one <c>manifest.json</c>,
/// the same manifest an unsharded run of the plan writes (timings apart). Run folders are copied
/// (through a temporary folder, then renamed) and every copied file is checked against its hash.
/// </summary>
public static class BatchMerge
{
    public static BatchManifest Merge(IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        if (shardDirectories.Count == 0) throw new InputException("name at least one shard folder to merge");
        var outDir = Path.GetFullPath(outputDirectory);
        var found = new List<(string Dir, string File, BatchManifest Manifest)>();
        foreach (var d in shardDirectories)
        {
            var dir = Path.GetFullPath(d);
            if (!Directory.Exists(dir)) throw new InputException("shard folder not found", d);
            var files = Directory.EnumerateFiles(dir, "manifest*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new InputException("no manifest*.json in this folder; is it a batch output folder?", d);
            foreach (var f in files) found.Add((dir, f, BatchManifest.Read(f)));
        }

        var first = found[0].Manifest;
        foreach (var (_, file, m) in found)
            if (m.PlanHash != first.PlanHash)
                throw new InputException($"this manifest is from a different plan (plan hash {m.PlanHash[..12]}… vs {first.PlanHash[..12]}… in {found[0].File}); merge shards of one plan only", file, field: "planHash");

        var chosen = new SortedDictionary<string, (string Dir, string File, BatchManifestEntry Entry)>(StringComparer.Ordinal);
        foreach (var (dir, file, m) in found)
        {
            foreach (var e in m.Entries)
            {
                if (!chosen.TryGetValue(e.RunId, out var have)) { chosen[e.RunId] = (dir, file, e); continue; }
                if (have.Entry.Status != BatchRunStatus.Complete && e.Status == BatchRunStatus.Complete) { chosen[e.RunId] = (dir, file, e); continue; }
                if (have.Entry.Status == BatchRunStatus.Complete && e.Status == BatchRunStatus.Complete && !have.Entry.Outputs.SequenceEqual(e.Outputs))
                    throw new InputException($"run {e.RunId} is complete in two shards with different outputs (also in {have.File}); rerun it in one shard only", file, field: e.RunId);
            }
        }

        Directory.CreateDirectory(outDir);
        foreach (var (dir, _, e) in chosen.Values)
        {
            if (e.Status != BatchRunStatus.Complete || string.Equals(dir, outDir, StringComparison.Ordinal)) continue;
            CopyRun(dir, outDir, e);
        }

        var versions = found.Select(f => f.Manifest.ToolVersion).Distinct(StringComparer.Ordinal).ToList();
        var merged = new BatchManifest(first.PlanName, first.PlanHash, versions.Count == 1 ? versions[0] : string.Join("+", versions.Order(StringComparer.Ordinal)),
            null, chosen.Values.Select(c => c.Entry));
        merged.Write(Path.Combine(outDir, BatchManifest.FileName));
        return merged;
    }

    private static void CopyRun(string fromDir, string outDir, BatchManifestEntry e)
    {
        var work = Path.Combine(outDir, BatchRunner.WorkFolder, e.RunId + ".merge");
        BatchRunner.DeleteDirectory(work);
        Directory.CreateDirectory(work);
        var prefix = BatchRunner.RunsFolder + "/" + e.RunId + "/";
        foreach (var o in e.Outputs)
        {
            var src = Path.Combine(fromDir, o.Path);
            if (!File.Exists(src)) throw new InputException($"output of run {e.RunId} missing", src);
            if (!o.Path.StartsWith(prefix, StringComparison.Ordinal)) throw new InputException($"output path '{o.Path}' is not under {prefix}", field: e.RunId);
            var dst = Path.Combine(work, o.Path[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(src, dst);
            if (Hashes.OfFile(dst) != o.Sha256) throw new InputException($"output file does not match its manifest hash (changed after the run?)", src);
        }
        var final = Path.Combine(outDir, BatchRunner.RunsFolder, e.RunId);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        BatchRunner.DeleteDirectory(final);
        Directory.Move(work, final);
        var workRoot = Path.Combine(outDir, BatchRunner.WorkFolder);
        if (Directory.Exists(workRoot) && !Directory.EnumerateFileSystemEntries(workRoot).Any()) Directory.Delete(workRoot);
    }
}
