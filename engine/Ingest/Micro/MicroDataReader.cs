using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;
using Parquet;
using Parquet.Schema;

namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>
/// Reads firm-level data: CSV (optionally gzip) or Parquet, chosen by the extension. Required columns
/// firm_id, year, lad_code, sic, employment; optional turnover, birth_year, description, cpc, itl2.
/// Every row is used or rejected with file, line, field and one of <see cref="MicroRejectReasons"/>
/// (the first failing check, in column order; a repeated firm × year rejects the later row).
/// A missing required column or a malformed file is an <see cref="InputException"/>.
/// Parquet rows are numbered as if the file had a header line: row 1 is line 2.
/// </summary>
public static class MicroDataReader
{
    /// <param name="readText">False skips the description and cpc columns (they stay null), for fast panel building.</param>
    public static MicroData Read(string path, GeographyModel geo, SicHierarchy sic, bool readText = true)
    {
        if (!File.Exists(path)) throw new InputException("file not found", path);
        return TableFiles.IsParquet(path) ? ReadParquet(path, geo, sic, readText) : ReadCsv(path, geo, sic, readText);
    }

    private static MicroData ReadCsv(string path, GeographyModel geo, SicHierarchy sic, bool readText)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cId = h.Require("firm_id"), cYear = h.Require("year"), cLad = h.Require("lad_code"), cSic = h.Require("sic"),
            cEmp = h.Require("employment"), cTurn = h.Optional("turnover"), cBirth = h.Optional("birth_year"),
            cDesc = readText ? h.Optional("description") : -1, cCpc = readText ? h.Optional("cpc") : -1, cItl2 = h.Optional("itl2");
        var b = new Builder(path, geo, sic, 1024);
        while (csv.Read())
        {
            var f = csv.Fields;
            long line = csv.RecordLine;
            if (f.Count != h.Names.Count)
                throw new InputException($"expected {h.Names.Count} fields as in the header, found {f.Count}", path, line);
            b.Account.CountRead();
            var row = new RawRow
            {
                Line = line,
                Id = Cell.Text(f[cId]),
                Year = Cell.Text(f[cYear]),
                Lad = f[cLad].AsMemory(),
                Sic = f[cSic].AsMemory(),
                Employment = Cell.Text(f[cEmp]),
                Turnover = cTurn >= 0 ? Cell.Text(f[cTurn]) : Cell.Missing,
                Birth = cBirth >= 0 ? Cell.Text(f[cBirth]) : Cell.Missing,
                Description = cDesc >= 0 && f[cDesc].Length > 0 ? f[cDesc] : null,
                Cpc = cCpc >= 0 && f[cCpc].Length > 0 ? f[cCpc] : null,
                Itl2 = cItl2 >= 0 ? f[cItl2] : null,
            };
            b.Add(in row);
        }
        return b.Finish();
    }

    private static MicroData ReadParquet(string path, GeographyModel geo, SicHierarchy sic, bool readText)
    {
        try
        {
            return ReadParquetAsync(path, geo, sic, readText).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException("not a readable Parquet file: " + e.Message, path, inner: e);
        }
    }

    private static async Task<MicroData> ReadParquetAsync(string path, GeographyModel geo, SicHierarchy sic, bool readText)
    {
        await using var fs = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(fs, null, false, CancellationToken.None);
        var fields = reader.Schema.GetDataFields();
        DataField? Find(string name, bool required)
        {
            var f = fields.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (f is null && required)
                throw new InputException($"required column '{name}' is missing; the file has: {string.Join(", ", fields.Select(x => x.Name))}", path, 1, name);
            return f;
        }
        var fId = Find("firm_id", true)!;
        var fYear = Find("year", true)!;
        var fLad = Find("lad_code", true)!;
        var fSic = Find("sic", true)!;
        var fEmp = Find("employment", true)!;
        var fTurn = Find("turnover", false);
        var fBirth = Find("birth_year", false);
        var fDesc = readText ? Find("description", false) : null;
        var fCpc = readText ? Find("cpc", false) : null;
        var fItl2 = Find("itl2", false);
        long total = 0;
        int maxGroup = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            total += reader.RowGroups[g].RowCount;
            maxGroup = Math.Max(maxGroup, (int)reader.RowGroups[g].RowCount);
        }
        var b = new Builder(path, geo, sic, checked((int)total));
        var id = new ColumnBuffer(fId, maxGroup);
        var year = new ColumnBuffer(fYear, maxGroup);
        var lad = new ColumnBuffer(fLad, maxGroup);
        var sicCol = new ColumnBuffer(fSic, maxGroup);
        var emp = new ColumnBuffer(fEmp, maxGroup);
        var turn = fTurn is null ? null : new ColumnBuffer(fTurn, maxGroup);
        var birth = fBirth is null ? null : new ColumnBuffer(fBirth, maxGroup);
        var desc = fDesc is null ? null : new ColumnBuffer(fDesc, maxGroup);
        var cpc = fCpc is null ? null : new ColumnBuffer(fCpc, maxGroup);
        var itl2 = fItl2 is null ? null : new ColumnBuffer(fItl2, maxGroup);
        long first = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var rg = reader.RowGroups[g];
            int n = (int)rg.RowCount;
            foreach (var c in new[] { id, year, lad, sicCol, emp, turn, birth, desc, cpc, itl2 })
                if (c is not null) await c.LoadAsync(rg, n, path);
            for (int i = 0; i < n; i++)
            {
                b.Account.CountRead();
                var row = new RawRow
                {
                    Line = first + i + 2,
                    Id = id.Get(i),
                    Year = year.Get(i),
                    Lad = lad.Chars(i),
                    Sic = sicCol.Chars(i),
                    Employment = emp.Get(i),
                    Turnover = turn?.Get(i) ?? Cell.Missing,
                    Birth = birth?.Get(i) ?? Cell.Missing,
                    Description = desc?.Text(i),
                    Cpc = cpc?.Text(i),
                    Itl2 = itl2?.Text(i),
                };
                b.Add(in row);
            }
            first += n;
        }
        return b.Finish();
    }

    /// <summary>A cell that is either text to parse, a typed number, or missing.</summary>
    private readonly struct Cell
    {
        public static readonly Cell Missing = default;
        public readonly string? Raw;
        public readonly double Number;
        public readonly long Integer;
        public readonly byte Kind; // 0 missing, 1 text, 2 double, 3 integer

        private Cell(string? raw, double number, long integer, byte kind)
        {
            Raw = raw;
            Number = number;
            Integer = integer;
            Kind = kind;
        }

        public static Cell Text(string s) => string.IsNullOrWhiteSpace(s) ? Missing : new Cell(s, 0, 0, 1);
        public static Cell Of(double v) => double.IsNaN(v) ? Missing : new Cell(null, v, 0, 2);
        public static Cell Of(long v) => new(null, v, v, 3);

        public bool IsMissing => Kind == 0;

        public string Show() => Kind switch
        {
            1 => Raw!,
            2 => Number.ToString("R", CultureInfo.InvariantCulture),
            3 => Integer.ToString(CultureInfo.InvariantCulture),
            _ => "",
        };

        public bool TryDouble(out double v)
        {
            switch (Kind)
            {
                case 2: v = Number; return true;
                case 3: v = Integer; return true;
                case 1: return Numbers.TryParse(Raw, out v);
                default: v = double.NaN; return false;
            }
        }

        public bool TryLong(out long v)
        {
            switch (Kind)
            {
                case 3: v = Integer; return true;
                case 2:
                    v = (long)Number;
                    return Number == Math.Floor(Number) && Math.Abs(Number) < 9e15;
                case 1: return long.TryParse(Raw.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v);
                default: v = 0; return false;
            }
        }
    }

    private struct RawRow
    {
        public long Line;
        public Cell Id, Year, Employment, Turnover, Birth;
        public ReadOnlyMemory<char> Lad, Sic;
        public string? Description, Cpc, Itl2;
    }

    /// <summary>One Parquet column of one row group, read once into a reused buffer.</summary>
    private sealed class ColumnBuffer
    {
        private readonly DataField _f;
        private readonly string?[]? _text;
        private readonly ReadOnlyMemory<char>?[]? _chars;
        private readonly long[]? _long;
        private readonly long?[]? _longN;
        private readonly double[]? _double;
        private readonly double?[]? _doubleN;
        private readonly int[]? _int;
        private readonly int?[]? _intN;
        private readonly float[]? _float;
        private readonly float?[]? _floatN;

        public ColumnBuffer(DataField f, int capacity)
        {
            _f = f;
            var t = f.ClrType;
            if (t == typeof(ReadOnlyMemory<char>)) _chars = new ReadOnlyMemory<char>?[capacity];
            else if (t == typeof(string)) _text = new string?[capacity];
            else if (t == typeof(long)) { if (f.IsNullable) _longN = new long?[capacity]; else _long = new long[capacity]; }
            else if (t == typeof(int)) { if (f.IsNullable) _intN = new int?[capacity]; else _int = new int[capacity]; }
            else if (t == typeof(double)) { if (f.IsNullable) _doubleN = new double?[capacity]; else _double = new double[capacity]; }
            else if (t == typeof(float)) { if (f.IsNullable) _floatN = new float?[capacity]; else _float = new float[capacity]; }
            else throw new InputException($"Parquet column type {t.Name} is not supported (use text, 32/64-bit integers or floating point)", null, field: f.Name);
        }

        public async Task LoadAsync(Parquet.ParquetRowGroupReader rg, int n, string path)
        {
            var ct = CancellationToken.None;
            if (_chars is not null) await rg.ReadAsync<ReadOnlyMemory<char>>(_f, new Memory<ReadOnlyMemory<char>?>(_chars, 0, n), null, ct);
            else if (_text is not null) await rg.ReadAsync(_f, new Memory<string?>(_text, 0, n), null, ct);
            else if (_long is not null) await rg.ReadAsync<long>(_f, new Memory<long>(_long, 0, n), null, ct);
            else if (_longN is not null) await rg.ReadAsync<long>(_f, new Memory<long?>(_longN, 0, n), null, ct);
            else if (_int is not null) await rg.ReadAsync<int>(_f, new Memory<int>(_int, 0, n), null, ct);
            else if (_intN is not null) await rg.ReadAsync<int>(_f, new Memory<int?>(_intN, 0, n), null, ct);
            else if (_double is not null) await rg.ReadAsync<double>(_f, new Memory<double>(_double, 0, n), null, ct);
            else if (_doubleN is not null) await rg.ReadAsync<double>(_f, new Memory<double?>(_doubleN, 0, n), null, ct);
            else if (_float is not null) await rg.ReadAsync<float>(_f, new Memory<float>(_float, 0, n), null, ct);
            else if (_floatN is not null) await rg.ReadAsync<float>(_f, new Memory<float?>(_floatN, 0, n), null, ct);
        }

        public Cell Get(int i)
        {
            if (_chars is not null) return _chars[i] is { } m ? Cell.Text(m.ToString()) : Cell.Missing;
            if (_text is not null) return _text[i] is { } s ? Cell.Text(s) : Cell.Missing;
            if (_long is not null) return Cell.Of(_long[i]);
            if (_longN is not null) return _longN[i] is { } l ? Cell.Of(l) : Cell.Missing;
            if (_int is not null) return Cell.Of((long)_int[i]);
            if (_intN is not null) return _intN[i] is { } k ? Cell.Of((long)k) : Cell.Missing;
            if (_double is not null) return Cell.Of(_double[i]);
            if (_doubleN is not null) return _doubleN[i] is { } d ? Cell.Of(d) : Cell.Missing;
            if (_float is not null) return Cell.Of(_float[i]);
            return _floatN![i] is { } x ? Cell.Of(x) : Cell.Missing;
        }

        public string? Text(int i) => _chars is not null ? _chars[i]?.ToString() : _text is not null ? _text[i] : Get(i) is { IsMissing: false } c ? c.Show() : null;

        /// <summary>The cell's characters without allocating a string (empty when missing).</summary>
        public ReadOnlyMemory<char> Chars(int i) =>
            _chars is not null ? _chars[i] ?? ReadOnlyMemory<char>.Empty
            : _text is not null ? (_text[i] ?? "").AsMemory()
            : (Text(i) ?? "").AsMemory();
    }

    /// <summary>Validates rows and appends the good ones; LAD and SIC strings are resolved once per distinct value.</summary>
    private sealed class Builder
    {
        private const int MinYear = 1800, MaxYear = 2199;
        private readonly string _path;
        private readonly GeographyModel _geo;
        private readonly SicHierarchy _sic;
        private readonly Dictionary<string, int> _ladByText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string? Code, int Subclass)> _sicByText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ladLookup;
        private readonly Dictionary<string, (string? Code, int Subclass)>.AlternateLookup<ReadOnlySpan<char>> _sicLookup;
        private readonly Dictionary<string, string?> _itl2ByText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _cpcIntern = new(StringComparer.Ordinal);
        private readonly long[] _lastIdByYear = new long[MaxYear - MinYear + 1];
        private readonly bool[] _yearSeen = new bool[MaxYear - MinYear + 1];
        private HashSet<(long, int)>? _seen;
        private long[] _id;
        private int[] _year, _lad, _sub, _birth;
        private string[] _sicCode;
        private double[] _emp, _turn;
        private string?[] _desc, _cpc, _itl2;
        private int _n;

        public Builder(string path, GeographyModel geo, SicHierarchy sic, int capacity)
        {
            _path = path;
            _geo = geo;
            _sic = sic;
            Account = new RowAccount(path);
            _ladLookup = _ladByText.GetAlternateLookup<ReadOnlySpan<char>>();
            _sicLookup = _sicByText.GetAlternateLookup<ReadOnlySpan<char>>();
            capacity = Math.Max(capacity, 16);
            _id = new long[capacity];
            _year = new int[capacity];
            _lad = new int[capacity];
            _sub = new int[capacity];
            _birth = new int[capacity];
            _sicCode = new string[capacity];
            _emp = new double[capacity];
            _turn = new double[capacity];
            _desc = new string?[capacity];
            _cpc = new string?[capacity];
            _itl2 = new string?[capacity];
        }

        public RowAccount Account { get; }

        private bool Reject(in RawRow r, string field, string reason, string? value)
        {
            Account.Reject(_path, r.Line, field, reason, value);
            return false;
        }

        public bool Add(in RawRow r)
        {
            if (r.Id.IsMissing) return Reject(r, "firm_id", MicroRejectReasons.MissingValue, null);
            if (!r.Id.TryLong(out var id)) return Reject(r, "firm_id", MicroRejectReasons.UnparsableNumber, r.Id.Show());
            if (r.Year.IsMissing) return Reject(r, "year", MicroRejectReasons.MissingValue, null);
            if (!r.Year.TryLong(out var yl)) return Reject(r, "year", MicroRejectReasons.UnparsableNumber, r.Year.Show());
            if (yl is < MinYear or > MaxYear) return Reject(r, "year", MicroRejectReasons.YearOutOfRange, r.Year.Show());
            int year = (int)yl;

            if (!_ladLookup.TryGetValue(r.Lad.Span, out var lad))
            {
                lad = -1;
                var code = r.Lad.Span.Trim();
                for (int i = 0; i < _geo.Lads.Count; i++)
                    if (code.Equals(_geo.Lads[i].Code, StringComparison.OrdinalIgnoreCase)) { lad = i; break; }
                _ladByText[r.Lad.ToString()] = lad;
            }
            if (lad < 0) return Reject(r, "lad_code", r.Lad.Span.IsWhiteSpace() ? MicroRejectReasons.MissingValue : MicroRejectReasons.UnknownLad, r.Lad.ToString());
            var l = _geo.Lads[lad];
            string? itl2 = null;
            var itl2Text = r.Itl2;
            if (string.IsNullOrWhiteSpace(itl2Text)) itl2Text = null;
            if (itl2Text is not null && !_itl2ByText.TryGetValue(itl2Text, out itl2))
            {
                itl2 = Itl.Normalise(itl2Text);
                _itl2ByText[itl2Text] = itl2;
            }
            if (l.Straddles)
            {
                if (itl2 is null || !l.Itl2Codes.Contains(itl2)) return Reject(r, "itl2", MicroRejectReasons.StraddlingWithoutItl2, r.Itl2);
            }
            else
            {
                if (itl2 is not null && itl2 != l.Itl2Codes[0]) return Reject(r, "itl2", MicroRejectReasons.Itl2Mismatch, r.Itl2);
                itl2 = null;
            }

            if (!_sicLookup.TryGetValue(r.Sic.Span, out var s))
            {
                var clean = SicHierarchy.Clean(r.Sic.ToString());
                if (clean.Length == 6 && clean[5] == '0') clean = clean[..5];
                var lvl = SicHierarchy.LevelOf(clean);
                s = (null, -1);
                if (lvl is not null && lvl != SectorLevel.Section && _sic.SubclassesUnder(clean).Count > 0)
                    s = (clean, _sic.TryGetSubclass(clean, out var si) ? si : -1);
                _sicByText[r.Sic.ToString()] = s;
            }
            if (s.Code is null) return Reject(r, "sic", r.Sic.Span.IsWhiteSpace() ? MicroRejectReasons.MissingValue : MicroRejectReasons.UnknownSic, r.Sic.ToString());

            if (r.Employment.IsMissing) return Reject(r, "employment", MicroRejectReasons.MissingValue, null);
            if (!r.Employment.TryDouble(out var emp) || double.IsNaN(emp) || double.IsInfinity(emp))
                return Reject(r, "employment", MicroRejectReasons.UnparsableNumber, r.Employment.Show());
            if (emp < 0) return Reject(r, "employment", MicroRejectReasons.NegativeEmployment, r.Employment.Show());

            double turnover = double.NaN;
            if (!r.Turnover.IsMissing)
            {
                if (!r.Turnover.TryDouble(out turnover) || double.IsInfinity(turnover))
                    return Reject(r, "turnover", MicroRejectReasons.UnparsableNumber, r.Turnover.Show());
                if (turnover < 0) return Reject(r, "turnover", MicroRejectReasons.NegativeTurnover, r.Turnover.Show());
            }
            int birth = 0;
            if (!r.Birth.IsMissing)
            {
                if (!r.Birth.TryLong(out var bl)) return Reject(r, "birth_year", MicroRejectReasons.UnparsableNumber, r.Birth.Show());
                if (bl is < 0 or > MaxYear) return Reject(r, "birth_year", MicroRejectReasons.YearOutOfRange, r.Birth.Show());
                birth = (int)bl;
            }

            if (IsDuplicate(id, year)) return Reject(r, "firm_id", MicroRejectReasons.DuplicateFirmYear, r.Id.Show() + " " + year.ToString(CultureInfo.InvariantCulture));

            if (_n == _id.Length) Grow();
            _id[_n] = id;
            _year[_n] = year;
            _lad[_n] = lad;
            _sicCode[_n] = s.Code;
            _sub[_n] = s.Subclass;
            _emp[_n] = emp;
            _turn[_n] = turnover;
            _birth[_n] = birth;
            _desc[_n] = r.Description;
            _cpc[_n] = r.Cpc is null ? null : InternCpc(r.Cpc);
            _itl2[_n] = itl2;
            _n++;
            Account.CountUsed();
            return true;
        }

        // Files written in firm order within each year (as the generator writes them) are checked in O(1) per row;
        // the first out-of-order id switches to a set of every firm-year seen.
        private bool IsDuplicate(long id, int year)
        {
            if (_seen is null)
            {
                int k = year - MinYear;
                if (!_yearSeen[k] || id > _lastIdByYear[k])
                {
                    _yearSeen[k] = true;
                    _lastIdByYear[k] = id;
                    return false;
                }
                _seen = new HashSet<(long, int)>(_n + 1024);
                for (int i = 0; i < _n; i++) _seen.Add((_id[i], _year[i]));
            }
            return !_seen.Add((id, year));
        }

        private string InternCpc(string cpc)
        {
            if (_cpcIntern.TryGetValue(cpc, out var s)) return s;
            _cpcIntern[cpc] = cpc;
            return cpc;
        }

        private void Grow()
        {
            int c = _id.Length * 2;
            Array.Resize(ref _id, c);
            Array.Resize(ref _year, c);
            Array.Resize(ref _lad, c);
            Array.Resize(ref _sub, c);
            Array.Resize(ref _birth, c);
            Array.Resize(ref _sicCode, c);
            Array.Resize(ref _emp, c);
            Array.Resize(ref _turn, c);
            Array.Resize(ref _desc, c);
            Array.Resize(ref _cpc, c);
            Array.Resize(ref _itl2, c);
        }

        public MicroData Finish()
        {
            if (_n != _id.Length)
            {
                Array.Resize(ref _id, _n);
                Array.Resize(ref _year, _n);
                Array.Resize(ref _lad, _n);
                Array.Resize(ref _sub, _n);
                Array.Resize(ref _birth, _n);
                Array.Resize(ref _sicCode, _n);
                Array.Resize(ref _emp, _n);
                Array.Resize(ref _turn, _n);
                Array.Resize(ref _desc, _n);
                Array.Resize(ref _cpc, _n);
                Array.Resize(ref _itl2, _n);
            }
            Account.Check();
            return new MicroData(new FirmTable(_geo, _sic, _id, _year, _lad, _sicCode, _sub, _emp, _turn, _birth, _desc, _cpc, _itl2), Account);
        }
    }
}
