using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// Joins the manifests and outputs of a plan's shards (each shard's folder holds
/// <c>manifest-shard-K-of-N.json</c> and <c>runs/</c>) into one folder with one <c>manifest.json</c>,
/// the same manifest an unsharded run of the plan writes (timings apart). The merged folder is one
/// <see cref="IO.OutputTransaction"/>: built afresh in a staging folder (every copied file checked against its
/// hash) and moved into place only when complete, so a merge that fails leaves the previous folder as it was and
/// a merge into an old folder keeps no stale runs. A set of shards that misses one of 1..N is refused unless
/// <c>allowPartial</c>.
/// </summary>
public static class BatchMerge
{
    public static BatchManifest Merge(IReadOnlyList<string> shardDirectories, string outputDirectory, bool allowPartial = false, string holder = "compete batch merge")
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
        var shards = found.Select(f => f.Manifest.Shard).Where(x => x is not null).Select(x => BatchShard.Parse(x!)).ToList();
        if (shards.Count > 0 && !allowPartial)
        {
            if (found.Any(f => f.Manifest.Shard is null))
                throw new InputException("an unsharded manifest is mixed with shard manifests; merge the shards of one plan, or pass --allow-partial", found.First(f => f.Manifest.Shard is null).File);
            var counts = shards.Select(x => x.Count).Distinct().ToList();
            if (counts.Count > 1)
                throw new InputException("the shards were cut in different ways (N = " + string.Join(", ", counts.Order()) + "); merge shards K/N of one N");
            var missing = Enumerable.Range(1, counts[0]).Where(k => !shards.Any(x => x.Index == k)).ToList();
            if (missing.Count > 0)
                throw new InputException($"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(k => k + "/" + counts[0]))} missing: the merged manifest would look complete without their runs; name every shard's folder, or pass --allow-partial", field: "dirs");
        }
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

        using var tx = IO.OutputTransaction.Begin(holder);
        var staging = tx.Folder(outDir);
        foreach (var (dir, _, e) in chosen.Values)
            if (e.Status == BatchRunStatus.Complete) CopyRun(dir, staging, e);

        var versions = found.Select(f => f.Manifest.ToolVersion).Distinct(StringComparer.Ordinal).ToList();
        var merged = new BatchManifest(first.PlanName, first.PlanHash, versions.Count == 1 ? versions[0] : string.Join("+", versions.Order(StringComparer.Ordinal)),
            null, chosen.Values.Select(c => c.Entry));
        merged.Write(Path.Combine(staging, BatchManifest.FileName));
        tx.Commit();
        return merged;
    }

    private static void CopyRun(string fromDir, string staging, BatchManifestEntry e)
    {
        var work = Path.Combine(staging, BatchRunner.RunsFolder, e.RunId);
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
    }
}
