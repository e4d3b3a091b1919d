using System.Runtime.CompilerServices;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The rows of <see cref="ComplexityOutput.ToTable"/> formatted as CSV straight from the results, without building the
/// table: the same bytes as <see cref="CsvTableWriter"/> writes for that table. A location's cells (time, label,
/// diversity, ECI, COI) and a product's (label, ubiquity, PCI) are formatted once per period and copied into each of
/// their rows; only density, COG and RCA are formatted per cell.
/// </summary>
internal sealed class ComplexityCsvRows : CsvTableWriter.CsvRows
{
    private static readonly byte[] One = Cell(1.0);
    private static readonly byte[] Zero = Cell(0.0);

    private readonly Period[] _periods;
    private readonly int[] _firstRow;

    private ComplexityCsvRows(IReadOnlyList<string> header, int rowCount, Period[] periods, int[] firstRow)
        : base(header, rowCount)
    {
        _periods = periods;
        _firstRow = firstRow;
    }

    /// <summary>The rows, or null when a row could be too long for the writer's buffer (very long labels): then write the table.</summary>
    public static ComplexityCsvRows? TryCreate(IReadOnlyList<ComplexityYearResult> results, string locColumn, string prodColumn, string? timeColumn)
    {
        var header = new List<string>();
        if (timeColumn is not null) header.Add(timeColumn);
        header.Add(locColumn);
        header.Add(prodColumn);
        header.AddRange(ComplexityOutput.ValueColumns);
        long total = 0;
        var periods = new Period[results.Count];
        var firstRow = new int[results.Count + 1];
        for (int y = 0; y < results.Count; y++)
        {
            firstRow[y] = checked((int)total);
            total += (long)results[y].Locations.Count * results[y].Products.Count;
            periods[y] = new Period(results[y], timeColumn is not null);
            if (periods[y].MaxRowBytes > CsvTableWriter.BufferSize / 2) return null;
        }
        firstRow[results.Count] = checked((int)total);
        return new ComplexityCsvRows(header, firstRow[results.Count], periods, firstRow);
    }

    public override object NewState() => new[] { new CsvTableWriter.FormatCache(), new CsvTableWriter.FormatCache(), new CsvTableWriter.FormatCache() };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(int start, int end, ref CsvTableWriter.Sink w, object state)
    {
        var caches = (CsvTableWriter.FormatCache[])state;
        var densityCache = caches[0];
        var cogCache = caches[1];
        var rcaCache = caches[2];
        if (start >= end) return;
        int y = 0;
        while (_firstRow[y + 1] <= start) y++;
        int r = start;
        while (r < end)
        {
            var p = _periods[y];
            var res = p.Result;
            var m = res.Presence;
            var density = res.Density;
            var cog = res.Cog;
            var rca = res.Rca;
            int np = p.Products;
            if (np == 0)
            {
                y++;
                continue;
            }
            int local = r - _firstRow[y];
            int stop = Math.Min(end, _firstRow[y + 1]);
            for (int i = local / np, s = local % np; r < stop; r++)
            {
                int cell = i * np + s;
                var dest = w.Room(p.MaxRowBytes);
                int n = Put(dest, 0, p.LocationHead[i]);
                n = Put(dest, n, p.ProductLabel[s]);
                n = Put(dest, n, p.Diversity[i]);
                n = Put(dest, n, p.Ubiquity[s]);
                n = Put(dest, n, m[i, s] ? One : Zero);
                dest[n++] = (byte)',';
                n = Put(dest, n, p.Eci[i]);
                n = Put(dest, n, p.Pci[s]);
                n += CsvTableWriter.Sink.FormatDouble(density[cell], dest[n..], densityCache);
                dest[n++] = (byte)',';
                n = Put(dest, n, p.Coi[i]);
                n += CsvTableWriter.Sink.FormatDouble(cog[cell], dest[n..], cogCache);
                dest[n++] = (byte)',';
                n += CsvTableWriter.Sink.FormatDouble(rca[cell], dest[n..], rcaCache);
                dest[n++] = (byte)'\n';
                w.Advance(n);
                if (++s == np)
                {
                    s = 0;
                    i++;
                }
            }
            y++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(Span<byte> dest, int at, byte[] bytes)
    {
        bytes.CopyTo(dest[at..]);
        return at + bytes.Length;
    }

    // A double's cell as the writer formats it (nothing for NaN).
    private static byte[] Cell(double v)
    {
        Span<byte> b = stackalloc byte[CsvTableWriter.MaxNumberBytes];
        return b[..CsvTableWriter.Sink.FormatDouble(v, b, null)].ToArray();
    }

    private static byte[] Join(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static readonly byte[] Comma = [(byte)','];

    /// <summary>One period's cells that repeat along its rows, each with the comma that follows it.</summary>
    private sealed class Period
    {
        public Period(ComplexityYearResult r, bool withTime)
        {
            Result = r;
            Products = r.Products.Count;
            var time = withTime ? Join(CsvTableWriter.Sink.Encoded(r.Time), Comma) : [];
            int nl = r.Locations.Count;
            LocationHead = new byte[nl][];
            Diversity = new byte[nl][];
            Eci = new byte[nl][];
            Coi = new byte[nl][];
            for (int i = 0; i < nl; i++)
            {
                LocationHead[i] = Join(time, CsvTableWriter.Sink.Encoded(r.Locations[i]), Comma);
                Diversity[i] = Join(Cell(r.Presence.Diversity[i]), Comma);
                Eci[i] = Join(Cell(r.Eci[i]), Comma);
                Coi[i] = Join(Cell(r.Coi[i]), Comma);
            }
            ProductLabel = new byte[Products][];
            Ubiquity = new byte[Products][];
            Pci = new byte[Products][];
            for (int s = 0; s < Products; s++)
            {
                ProductLabel[s] = Join(CsvTableWriter.Sink.Encoded(r.Products[s]), Comma);
                Ubiquity[s] = Join(Cell(r.Presence.Ubiquity[s]), Comma);
                Pci[s] = Join(Cell(r.Pci[s]), Comma);
            }
            static int Longest(byte[][] cells) => cells.Length == 0 ? 0 : cells.Max(c => c.Length);
            MaxRowBytes = Longest(LocationHead) + Longest(ProductLabel) + Longest(Diversity) + Longest(Ubiquity) + Longest(Eci) +
                          Longest(Pci) + Longest(Coi) + One.Length + 3 * CsvTableWriter.MaxNumberBytes + 4;
        }

        public ComplexityYearResult Result { get; }
        public int Products { get; }
        public int MaxRowBytes { get; }
        public byte[][] LocationHead { get; }
        public byte[][] ProductLabel { get; }
        public byte[][] Diversity { get; }
        public byte[][] Ubiquity { get; }
        public byte[][] Eci { get; }
        public byte[][] Pci { get; }
        public byte[][] Coi { get; }
    }
}
