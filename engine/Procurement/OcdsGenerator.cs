using System.IO.Compression;
using System.Text.Json;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Writes synthetic Contracts Finder-like OCDS 1.1 release packages for benchmarks and property
/// tests: deterministic for a seed (the engine's <see cref="Rng"/>), one package per "day". Each process is a
/// tender release and, with probability 0.7, an award release a few days later (its award value
/// 0.8–1.1 × the tender estimate); the CPV division mix follows the main codes of the shipped sample
/// (45 construction most common, then business services 79, health and social work 85, IT 72 …);
/// values are log-normal with median £90,000 and σ = 1.4 on the log scale (Contracts Finder notices
/// run from £10k to hundreds of millions), contract lengths 1–5 years; buyers are district councils
/// named after the geography's districts. 1% of processes carry no value, 0.5% a USD value, and 2%
/// are retrofit works (heat pumps, insulation, solar PV) so the tagger has something to find.
/// </summary>
public static class OcdsGenerator
{
    private static readonly (string Cpv, string Label, int Weight)[] CpvMix =
    [
        ("45453100", "Refurbishment work", 12), ("45000000", "Construction work", 11), ("79400000", "Business consultancy", 20),
        ("85000000", "Health and social work services", 19), ("72000000", "IT services", 17), ("60000000", "Transport services", 12),
        ("80000000", "Education and training services", 11), ("48000000", "Software packages", 11), ("50000000", "Repair and maintenance services", 8),
        ("44000000", "Construction materials", 6), ("66000000", "Financial services", 6), ("98000000", "Other community services", 6),
        ("71000000", "Engineering services", 6), ("35000000", "Security equipment", 5), ("33000000", "Medical equipment", 5),
        ("42000000", "Industrial machinery", 5), ("34000000", "Transport equipment", 5), ("31000000", "Electrical machinery", 4),
        ("39000000", "Furniture", 4), ("09300000", "Electricity, heating, solar and nuclear energy", 4), ("90000000", "Refuse and cleaning services", 3),
        ("73000000", "Research and development services", 3), ("55500000", "Canteen and catering services", 2),
    ];

    private static readonly string[] RetrofitTitles =
    [
        "Air source heat pumps installation programme", "External wall insulation to council homes", "Solar PV installation on housing stock",
        "Whole house retrofit of social housing", "Cavity wall insulation and loft insulation works",
    ];

    private static readonly string[] Nouns = ["services", "framework", "contract", "works", "supply", "programme", "support", "maintenance"];

    /// <summary>
    /// Writes exactly <paramref name="releases"/> releases as daily package files in a folder (a day's file
    /// holds its new tenders, up to <paramref name="releasesPerFile"/>, after the awards of the previous day's tenders).
    /// </summary>
    public static GeneratedPackageManifest WriteFolder(string folder, long releases, int releasesPerFile, int seed, IReadOnlyList<string> districtNames, bool gzip = true)
    {
        Directory.CreateDirectory(folder);
        var rng = new Rng(seed);
        int cumulative = CpvMix.Sum(c => c.Weight);
        long written = 0, ocids = 0, noValue = 0, noValueRel = 0, foreign = 0, foreignRel = 0, retrofit = 0;
        int file = 0;
        var day = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);
        // Awards land in a later file than their tender, as on Contracts Finder: pending awards carry over.
        var pending = new List<(string Ocid, Proc P)>();
        while (written < releases)
        {
            var path = Path.Combine(folder, $"{day:yyyy-MM-dd}-{file:D5}.json" + (gzip ? ".gz" : ""));
            using (var fs = File.Create(path))
            using (Stream s = gzip ? new GZipStream(fs, CompressionLevel.Fastest) : fs)
            using (var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = false }))
            {
                w.WriteStartObject();
                w.WriteString("uri", "https://example.invalid/generated/" + file);
                w.WriteString("version", "1.1");
                w.WriteStartArray("releases");
                int inFile = 0;
                var carry = pending;
                pending = new List<(string, Proc)>();
                foreach (var (ocid, p) in carry)
                {
                    WriteRelease(w, ocid, p, day.AddHours(9 + inFile % 8), award: true);
                    inFile++;
                }
                while (inFile < releasesPerFile && written < releases)
                {
                    var p = NewProcess(ref rng, cumulative, districtNames);
                    var ocid = $"ocds-gen{seed}-{ocids:D9}";
                    ocids++;
                    WriteRelease(w, ocid, p, day.AddHours(8 + inFile % 8), award: false);
                    inFile++;
                    written++;
                    bool queued = p.Awarded && written < releases;
                    if (queued) { pending.Add((ocid, p)); written++; }
                    if (p.Retrofit) retrofit++;
                    int rel = queued ? 2 : 1;
                    if (p.NoValue) { noValue++; noValueRel += rel; }
                    if (p.Usd) { foreign++; foreignRel += rel; }
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            file++;
            day = day.AddDays(1);
        }
        // An award counted in `written` but not yet emitted goes in one last file.
        if (pending.Count > 0)
        {
            var path = Path.Combine(folder, $"{day:yyyy-MM-dd}-{file:D5}.json" + (gzip ? ".gz" : ""));
            using var fs = File.Create(path);
            using Stream s = gzip ? new GZipStream(fs, CompressionLevel.Fastest) : fs;
            using var w = new Utf8JsonWriter(s);
            w.WriteStartObject();
            w.WriteStartArray("releases");
            int i = 0;
            foreach (var (ocid, p) in pending) WriteRelease(w, ocid, p, day.AddHours(9 + i++ % 8), award: true);
            w.WriteEndArray();
            w.WriteEndObject();
            file++;
        }
        return new GeneratedPackageManifest(written, ocids, file, noValue, noValueRel, foreign, foreignRel, retrofit);
    }

    private sealed record Proc(string Title, string Description, string Cpv, string CpvLabel, string Buyer, string Locality, double Value, bool Awarded,
        double AwardFactor, int Years, DateTimeOffset Start, bool Sme, bool NoValue, bool Usd, bool Retrofit, string Supplier);

    private static Proc NewProcess(ref Rng rng, int cumulative, IReadOnlyList<string> districts)
    {
        bool retrofit = rng.NextDouble() < 0.02;
        var (cpv, label, _) = retrofit ? ("45453100", "Refurbishment work", 0) : Pick(ref rng, cumulative);
        var district = districts[rng.Next(districts.Count)];
        // Box–Muller normal for a log-normal value.
        double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double value = Math.Round(90_000 * Math.Exp(1.4 * z), 2);
        string title = retrofit ? RetrofitTitles[rng.Next(RetrofitTitles.Length)] : $"{label} {Nouns[rng.Next(Nouns.Length)]} for {district}";
        string description = retrofit
            ? $"{title} across {district}. The work includes survey, design and installation.rnrnAdditional information: lots by area."
            : $"{district} Council invites tenders for {label.ToLowerInvariant()}.rnrnAdditional information: see the tender documents.";
        double u = rng.NextDouble();
        return new Proc(title, description, cpv, label, district + " Council", district, value, rng.NextDouble() < 0.7, 0.8 + 0.3 * rng.NextDouble(),
            1 + rng.Next(5), new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero).AddDays(rng.Next(365)), rng.NextDouble() < 0.45,
            u < 0.01, u >= 0.01 && u < 0.015, retrofit, $"Supplier {rng.Next(50_000):D5} Ltd");
    }

    private static (string, string, int) Pick(ref Rng rng, int cumulative)
    {
        int r = rng.Next(cumulative);
        foreach (var c in CpvMix)
        {
            if (r < c.Weight) return c;
            r -= c.Weight;
        }
        return CpvMix[^1];
    }

    private static void WriteRelease(Utf8JsonWriter w, string ocid, Proc p, DateTimeOffset date, bool award)
    {
        w.WriteStartObject();
        w.WriteString("ocid", ocid);
        w.WriteString("id", ocid + (award ? "-award" : "-tender"));
        w.WriteString("date", date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("tag");
        w.WriteStringValue(award ? "award" : "tender");
        w.WriteEndArray();
        w.WriteStartObject("tender");
        w.WriteString("title", p.Title);
        w.WriteString("description", p.Description);
        w.WriteStartObject("classification");
        w.WriteString("scheme", "CPV");
        w.WriteString("id", p.Cpv);
        w.WriteString("description", p.CpvLabel);
        w.WriteEndObject();
        if (!p.NoValue)
        {
            w.WriteStartObject("value");
            w.WriteNumber("amount", p.Value);
            w.WriteString("currency", p.Usd ? "USD" : "GBP");
            w.WriteEndObject();
        }
        WritePeriod(w, p);
        w.WriteStartObject("suitability");
        w.WriteBoolean("sme", true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("parties");
        w.WriteStartObject();
        w.WriteString("id", "GB-GEN-" + p.Locality);
        w.WriteString("name", p.Buyer);
        w.WriteStartObject("address");
        w.WriteString("locality", p.Locality);
        w.WriteEndObject();
        w.WriteStartArray("roles");
        w.WriteStringValue("buyer");
        w.WriteEndArray();
        w.WriteEndObject();
        if (award)
        {
            w.WriteStartObject();
            w.WriteString("id", "GB-GEN-S-" + p.Supplier);
            w.WriteString("name", p.Supplier);
            w.WriteStartObject("address");
            w.WriteString("streetAddress", "1 High Street,rn" + p.Locality);
            w.WriteEndObject();
            w.WriteStartObject("details");
            w.WriteString("scale", p.Sme ? "sme" : "large");
            w.WriteEndObject();
            w.WriteStartArray("roles");
            w.WriteStringValue("supplier");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("buyer");
        w.WriteString("id", "GB-GEN-" + p.Locality);
        w.WriteString("name", p.Buyer);
        w.WriteEndObject();
        if (award)
        {
            w.WriteStartArray("awards");
            w.WriteStartObject();
            w.WriteString("id", ocid + "-1");
            w.WriteString("status", "active");
            if (!p.NoValue)
            {
                w.WriteStartObject("value");
                w.WriteNumber("amount", Math.Round(p.Value * p.AwardFactor, 2));
                w.WriteString("currency", p.Usd ? "USD" : "GBP");
                w.WriteEndObject();
            }
            w.WriteStartArray("suppliers");
            w.WriteStartObject();
            w.WriteString("id", "GB-GEN-S-" + p.Supplier);
            w.WriteString("name", p.Supplier);
            w.WriteEndObject();
            w.WriteEndArray();
            WritePeriod(w, p);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter w, Proc p)
    {
        w.WriteStartObject("contractPeriod");
        w.WriteString("startDate", p.Start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("endDate", p.Start.AddYears(p.Years).AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }
}
