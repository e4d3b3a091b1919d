using System.Globalization;
using System.Text;
using System.Text.Json;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// The manifest of a batch (or of one shard of it): the plan's name and hash, the tool version, the
/// shard and one entry per finished run, ordered by run id. Saved as indented JSON with a fixed
/// property order, so two manifests of the same work differ only in their timings;
/// <see cref="ContentHash"/> hashes everything else.
/// </summary>
public sealed record BatchManifest
{
    public const string FileName = "manifest.json";

    public BatchManifest(string planName, string planHash, string toolVersion, string? shard, IEnumerable<BatchManifestEntry> entries)
    {
        PlanName = planName;
        PlanHash = planHash;
        ToolVersion = toolVersion;
        Shard = shard;
        Entries = entries.OrderBy(e => e.RunId, StringComparer.Ordinal).ToArray();
        for (int i = 1; i < Entries.Count; i++)
            if (Entries[i].RunId == Entries[i - 1].RunId) throw new ArgumentException($"run '{Entries[i].RunId}' appears twice in a manifest");
    }

    public string PlanName { get; }
    public string PlanHash { get; }
    public string ToolVersion { get; }

    /// <summary>"K/N" for a shard's manifest; null for a whole batch (or a merge).</summary>
    public string? Shard { get; }

    public IReadOnlyList<BatchManifestEntry> Entries { get; }

    /// <summary>The manifest file name for a shard: <c>manifest.json</c> unsharded, <c>manifest-shard-K-of-N.json</c> otherwise.</summary>
    public static string FileNameFor(BatchShard? shard) =>
        shard is { } s ? $"manifest-shard-{s.Index.ToString(CultureInfo.InvariantCulture)}-of-{s.Count.ToString(CultureInfo.InvariantCulture)}.json" : FileName;

    /// <summary>SHA-256 of the manifest's JSON without timings and without the shard: equal for equal work.</summary>
    public string ContentHash() => Hashes.OfText(ToJson(includeTimings: false, includeShard: false));

    public string ToJson(bool includeTimings = true, bool includeShard = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("plan", PlanName);
            w.WriteString("planHash", PlanHash);
            w.WriteString("toolVersion", ToolVersion);
            if (includeShard) { if (Shard is null) w.WriteNull("shard"); else w.WriteString("shard", Shard); }
            w.WriteStartArray("runs");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("runId", e.RunId);
                w.WriteString("status", e.Status == BatchRunStatus.Complete ? "complete" : "failed");
                w.WriteString("region", e.Region);
                w.WriteString("spec", e.Spec);
                w.WriteString("specHash", e.SpecHash);
                w.WriteString("years", e.Years.ToString());
                w.WriteString("optionSet", e.Options.Name);
                w.WriteStartObject("options");
                foreach (var kv in e.Options.Values) w.WriteString(kv.Key, kv.Value);
                w.WriteEndObject();
                w.WriteNumber("seed", e.Seed);
                w.WriteString("toolVersion", e.ToolVersion);
                WriteFiles(w, "inputs", e.Inputs);
                if (e.Error is null) w.WriteNull("error"); else w.WriteString("error", e.Error);
                w.WriteStartArray("notes");
                foreach (var n in e.Notes) w.WriteStringValue(n);
                w.WriteEndArray();
                WriteFiles(w, "outputs", e.Outputs);
                if (includeTimings)
                {
                    if (e.StartedUtc is { } t) w.WriteString("startedUtc", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                    else w.WriteNull("startedUtc");
                    w.WriteNumber("seconds", Math.Round(e.Seconds, 3));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void WriteFiles(Utf8JsonWriter w, string name, IReadOnlyList<BatchFileHash> files)
    {
        w.WriteStartArray(name);
        foreach (var f in files)
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            w.WriteString("sha256", f.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path)
    {
        TextFiles.WriteAllTextAtomic(path, ToJson());
    }

    public static BatchManifest Read(string path)
    {
        if (!File.Exists(path)) throw new InputException("manifest not found", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses a manifest written by <see cref="ToJson"/>; anything else is an <see cref="InputException"/>.</summary>
    public static BatchManifest Parse(string json, string sourceFile)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var entries = new List<BatchManifestEntry>();
            foreach (var e in r.GetProperty("runs").EnumerateArray())
            {
                var years = BatchYears.TryParse(e.GetProperty("years").GetString()!)
                            ?? throw new InputException("bad year range in manifest", sourceFile, field: "years");
                var opts = new BatchOptionSet(e.GetProperty("optionSet").GetString()!,
                    e.GetProperty("options").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)));
                entries.Add(new BatchManifestEntry
                {
                    RunId = e.GetProperty("runId").GetString()!,
                    Status = e.GetProperty("status").GetString() switch
                    {
                        "complete" => BatchRunStatus.Complete,
                        "failed" => BatchRunStatus.Failed,
                        var s => throw new InputException($"unknown run status '{s}'", sourceFile, field: "status"),
                    },
                    Region = e.GetProperty("region").GetString()!,
                    Spec = e.GetProperty("spec").GetString()!,
                    SpecHash = e.GetProperty("specHash").GetString()!,
                    Years = years,
                    Options = opts,
                    Seed = e.GetProperty("seed").GetInt32(),
                    ToolVersion = e.GetProperty("toolVersion").GetString()!,
                    Inputs = Files(e.GetProperty("inputs")),
                    Error = e.GetProperty("error").ValueKind == JsonValueKind.Null ? null : e.GetProperty("error").GetString(),
                    Notes = e.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToArray(),
                    Outputs = Files(e.GetProperty("outputs")),
                    StartedUtc = e.TryGetProperty("startedUtc", out var t) && t.ValueKind == JsonValueKind.String
                        ? DateTimeOffset.Parse(t.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                        : null,
                    Seconds = e.TryGetProperty("seconds", out var sec) ? sec.GetDouble() : 0,
                });
            }
            var shard = r.TryGetProperty("shard", out var sh) && sh.ValueKind == JsonValueKind.String ? sh.GetString() : null;
            return new BatchManifest(r.GetProperty("plan").GetString()!, r.GetProperty("planHash").GetString()!,
                r.GetProperty("toolVersion").GetString()!, shard, entries);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InputException("not a CompeteModel batch manifest: " + e.Message, sourceFile, inner: e);
        }
    }

    private static BatchFileHash[] Files(JsonElement a) =>
        a.EnumerateArray().Select(f => new BatchFileHash(f.GetProperty("path").GetString()!, f.GetProperty("sha256").GetString()!)).ToArray();
}
