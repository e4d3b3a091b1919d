using System.Numerics;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Computes a <see cref="TechnologyProfile"/> from firm-level arrays: counts per region × sector × technology
/// in one pass, shares and LQs (<see cref="TechnologyMeasures"/>), growth of tagged firms since a base year,
/// sector–technology proximity over the whole business base (all regions given), density of each region's
/// specialised sectors, and bootstrap bounds of the region × technology shares and LQs (firms resampled with
/// replacement within each region × sector cell, all regions resampled in each replicate so the benchmark
/// moves with them; seeded, so the same inputs and seed give the same bounds).
/// </summary>
public static class TechnologyProfileBuilder
{
    public static TechnologyProfile Build(TechnologyFirms firms, TechnologyProfileOptions options)
    {
        options.Validate();
        int R = firms.RegionCodes.Count, S = firms.SectorCodes.Count, T = firms.TechnologyIds.Count + 1, any = T - 1;
        var c = Count(firms, options.Year, R, S, T);
        if (c.Total == 0) throw new ArgumentException($"no firms in {options.Year}");

        // Region × technology.
        var firmsR = new double[R];
        var empR = new double[R];
        var tagF = new double[R * T];
        var tagE = new double[R * T];
        for (int r = 0; r < R; r++)
            for (int s = 0; s < S; s++)
            {
                int cell = r * S + s;
                firmsR[r] += c.Firms[cell];
                empR[r] += c.Emp[cell];
                for (int t = 0; t < T; t++)
                {
                    tagF[r * T + t] += c.TagFirms[cell * T + t];
                    tagE[r * T + t] += c.TagEmp[cell * T + t];
                }
            }
        var firmShare = new double[R * T];
        var empShare = new double[R * T];
        for (int r = 0; r < R; r++)
            for (int t = 0; t < T; t++)
            {
                firmShare[r * T + t] = TechnologyMeasures.Share(tagF[r * T + t], firmsR[r]);
                empShare[r * T + t] = TechnologyMeasures.Share(tagE[r * T + t], empR[r]);
            }
        var lq = TechnologyMeasures.LocationQuotients(tagE, empR, T);

        // Growth of tagged firms.
        var tagBase = new double[R * T];
        var growth = new double[R * T];
        Array.Fill(growth, double.NaN);
        if (options.BaseYear is { } by)
        {
            var b = Count(firms, by, R, S, T);
            for (int r = 0; r < R; r++)
                for (int s = 0; s < S; s++)
                    for (int t = 0; t < T; t++) tagBase[r * T + t] += b.TagFirms[(r * S + s) * T + t];
            for (int i = 0; i < R * T; i++) growth[i] = CompoundGrowth.Rate(tagBase[i], tagF[i], options.Year - by);
        }
        else Array.Fill(tagBase, double.NaN);

        // Region × sector: specialisation.
        var sectorLq = TechnologyMeasures.LocationQuotients(c.Emp, empR, S);
        var specialised = new bool[R * S];
        for (int i = 0; i < R * S; i++) specialised[i] = sectorLq[i] >= options.PresenceThreshold;

        // Region × sector × technology: intensity and its LQ against the same sector over all regions.
        var intensity = new double[R * S * T];
        var sectorEmp = new double[S];
        var sectorTagEmp = new double[S * T];
        for (int r = 0; r < R; r++)
            for (int s = 0; s < S; s++)
            {
                int cell = r * S + s;
                sectorEmp[s] += c.Emp[cell];
                for (int t = 0; t < T; t++)
                {
                    intensity[cell * T + t] = TechnologyMeasures.Share(c.TagEmp[cell * T + t], c.Emp[cell]);
                    sectorTagEmp[s * T + t] += c.TagEmp[cell * T + t];
                }
            }
        var intensityLq = new double[R * S * T];
        for (int r = 0; r < R; r++)
            for (int s = 0; s < S; s++)
                for (int t = 0; t < T; t++)
                {
                    int cell = r * S + s;
                    intensityLq[cell * T + t] = LocationQuotient.Of(c.TagEmp[cell * T + t], c.Emp[cell], sectorTagEmp[s * T + t], sectorEmp[s]);
                }

        // Sector × technology over the whole base (firm counts).
        var kS = new double[S];
        var cooc = new double[S * T];
        var kT = new double[T];
        for (int r = 0; r < R; r++)
            for (int s = 0; s < S; s++)
            {
                kS[s] += c.Firms[r * S + s];
                for (int t = 0; t < T; t++) cooc[s * T + t] += c.TagFirms[(r * S + s) * T + t];
            }
        for (int s = 0; s < S; s++)
            for (int t = 0; t < T; t++) kT[t] += cooc[s * T + t];
        var association = TechnologyMeasures.Association(cooc, kS, kT, c.Total);
        var proximity = TechnologyMeasures.Proximity(cooc, kS, kT);
        var density = TechnologyMeasures.Density(specialised, proximity, S, T);
        // A region without firms in the year has no sector strengths to speak of: undefined, not 0.
        for (int r = 0; r < R; r++)
            if (firmsR[r] == 0)
                for (int t = 0; t < T; t++) density[r * T + t] = double.NaN;

        var bounds = Bootstrap(firms, options, c, R, S, T);

        return new TechnologyProfile
        {
            Year = options.Year,
            BaseYear = options.BaseYear,
            RegionCodes = firms.RegionCodes,
            SectorCodes = firms.SectorCodes,
            TechnologyIds = [.. firms.TechnologyIds, TechnologyProfile.AnyId],
            FirmsWithoutEmployment = c.MissingEmployment,
            Firms = firmsR,
            Employment = empR,
            TaggedFirms = tagF,
            TaggedEmployment = tagE,
            FirmShare = firmShare,
            EmploymentShare = empShare,
            Lq = lq,
            TaggedFirmsBase = tagBase,
            Growth = growth,
            Density = density,
            FirmShareLower = bounds[0],
            FirmShareUpper = bounds[1],
            EmploymentShareLower = bounds[2],
            EmploymentShareUpper = bounds[3],
            LqLower = bounds[4],
            LqUpper = bounds[5],
            Replicates = options.Replicates,
            CellFirms = c.Firms,
            CellEmployment = c.Emp,
            SectorLq = sectorLq,
            Specialised = specialised,
            CellTaggedFirms = c.TagFirms,
            CellTaggedEmployment = c.TagEmp,
            Intensity = intensity,
            IntensityLq = intensityLq,
            SectorFirms = kS,
            TechnologyFirms = kT,
            Cooccurrence = cooc,
            Association = association,
            Proximity = proximity,
        };
    }

    private sealed class Counts(int R, int S, int T)
    {
        public readonly double[] Firms = new double[R * S];
        public readonly double[] Emp = new double[R * S];
        public readonly double[] TagFirms = new double[R * S * T];
        public readonly double[] TagEmp = new double[R * S * T];
        public int MissingEmployment;
        public int Total;
        public readonly List<int> Rows = new();
    }

    private static Counts Count(TechnologyFirms f, int year, int R, int S, int T)
    {
        var c = new Counts(R, S, T);
        int any = T - 1;
        for (int i = 0; i < f.Count; i++)
        {
            if (f.Year[i] != year) continue;
            c.Rows.Add(i);
            c.Total++;
            int cell = f.Region[i] * S + f.Sector[i];
            double e = f.Employment[i];
            bool known = !double.IsNaN(e);
            if (!known) c.MissingEmployment++;
            c.Firms[cell]++;
            if (known) c.Emp[cell] += e;
            ulong m = f.Technologies[i];
            if (m == 0) continue;
            for (ulong b = m; b != 0; b &= b - 1) Add(cell * T + BitOperations.TrailingZeroCount(b));
            Add(cell * T + any);

            void Add(int k)
            {
                c.TagFirms[k]++;
                if (known) c.TagEmp[k] += e;
            }
        }
        return c;
    }

    /// <summary>Returns lower/upper bounds of firm share, employment share and LQ (six R×T arrays; NaN without replicates).</summary>
    private static double[][] Bootstrap(TechnologyFirms f, TechnologyProfileOptions o, Counts c, int R, int S, int T)
    {
        var result = new double[6][];
        for (int k = 0; k < 6; k++) { result[k] = new double[R * T]; Array.Fill(result[k], double.NaN); }
        int B = o.Replicates;
        if (B == 0) return result;

        // Firms of the year grouped by cell (counting sort: deterministic order).
        int cells = R * S;
        var start = new int[cells + 1];
        foreach (var i in c.Rows) start[f.Region[i] * S + f.Sector[i] + 1]++;
        for (int k = 0; k < cells; k++) start[k + 1] += start[k];
        var members = new int[c.Rows.Count];
        var fill = (int[])start.Clone();
        foreach (var i in c.Rows) members[fill[f.Region[i] * S + f.Sector[i]]++] = i;

        int any = T - 1;
        var share = new double[B * R * T];
        var empShare = new double[B * R * T];
        var lqs = new double[B * R * T];
        var rng = new Rng(o.Seed);
        var firmsR = new double[R];
        var empR = new double[R];
        var tagF = new double[R * T];
        var tagE = new double[R * T];
        for (int b = 0; b < B; b++)
        {
            Array.Clear(firmsR); Array.Clear(empR); Array.Clear(tagF); Array.Clear(tagE);
            for (int cell = 0; cell < cells; cell++)
            {
                int n = start[cell + 1] - start[cell];
                if (n == 0) continue;
                int r = cell / S;
                for (int j = 0; j < n; j++)
                {
                    int i = members[start[cell] + rng.Next(n)];
                    double e = f.Employment[i];
                    bool known = !double.IsNaN(e);
                    firmsR[r]++;
                    if (known) empR[r] += e;
                    ulong m = f.Technologies[i];
                    if (m == 0) continue;
                    for (ulong bits = m; bits != 0; bits &= bits - 1)
                    {
                        int k = r * T + BitOperations.TrailingZeroCount(bits);
                        tagF[k]++;
                        if (known) tagE[k] += e;
                    }
                    tagF[r * T + any]++;
                    if (known) tagE[r * T + any] += e;
                }
            }
            var lq = TechnologyMeasures.LocationQuotients(tagE, empR, T);
            for (int r = 0; r < R; r++)
                for (int t = 0; t < T; t++)
                {
                    int k = r * T + t;
                    share[k * B + b] = TechnologyMeasures.Share(tagF[k], firmsR[r]);
                    empShare[k * B + b] = TechnologyMeasures.Share(tagE[k], empR[r]);
                    lqs[k * B + b] = lq[k];
                }
        }
        for (int k = 0; k < R * T; k++)
        {
            result[0][k] = Quantiles.Type7(share.AsSpan(k * B, B), o.LowerQuantile);
            result[1][k] = Quantiles.Type7(share.AsSpan(k * B, B), o.UpperQuantile);
            result[2][k] = Quantiles.Type7(empShare.AsSpan(k * B, B), o.LowerQuantile);
            result[3][k] = Quantiles.Type7(empShare.AsSpan(k * B, B), o.UpperQuantile);
            result[4][k] = Quantiles.Type7(lqs.AsSpan(k * B, B), o.LowerQuantile);
            result[5][k] = Quantiles.Type7(lqs.AsSpan(k * B, B), o.UpperQuantile);
        }
        return result;
    }
}
