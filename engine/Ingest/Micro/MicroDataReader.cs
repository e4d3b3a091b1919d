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
/// A CSV file without lad_code may carry a <c>postcode</c> column instead when a <see cref="PostcodeLookup"/>
/// is given: each row's district is then its postcode's (rows with an invalid postcode or one the directory
/// places in no district are rejected with the reason).
/// Every row is used or rejected with file, line, field and one of <see cref="MicroRejectReasons"/>
/// (the first failing check, in column order; a repeated firm × year rejects the later row).
/// A missing required column or a malformed file is an <see cref="InputException"/>.
/// Parquet rows are numbered as if the file had a header line: row 1 is line 2.
/// </summary>
public static partial class MicroDataReader
{
    /// <param name="readText">False skips the description and cpc columns (they stay null), for fast panel building.</param>
    /// <param name="postcodes">The postcode lookup, for CSV files that give a postcode instead of lad_code.</param>
    public static MicroData Read(string path, GeographyModel geo, SicHierarchy sic, bool readText = true, PostcodeLookup? postcodes = null)
    {
        if (!File.Exists(path)) throw new InputException("file not found", path);
        return TableFiles.IsParquet(path) ? ReadParquet(path, geo, sic, readText) : ReadCsv(path, geo, sic, readText, postcodes);
    }

    private static MicroData ReadCsv(string path, GeographyModel geo, SicHierarchy sic, bool readText, PostcodeLookup? postcodes)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cPostcode = h.Optional("lad_code") < 0 ? h.Optional("postcode") : -1;
        if (cPostcode >= 0 && postcodes is null)
            throw new InputException("the file gives a postcode column instead of lad_code, but no postcode lookup is available here; add lad_code", path, 1, "lad_code");
        int cId = h.Require("firm_id"), cYear = h.Require("year"), cLad = cPostcode >= 0 ? -1 : h.Require("lad_code"), cSic = h.Require("sic"),
            cEmp = h.Require("employment"), cTurn = h.Optional("turnover"), cBirth = h.Optional("birth_year"),
            cDesc = readText ? h.Optional("description") : -1, cCpc = readText ? h.Optional("cpc") : -1, cItl2 = h.Optional("itl2");
        var b = new Builder(path, geo, sic, 1024, postcodes);
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
                Lad = cLad >= 0 ? f[cLad].AsMemory() : ReadOnlyMemory<char>.Empty,
                Postcode = cPostcode >= 0 ? f[cPostcode] : null,
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

    /// <summary>One row's cells as read; the Parquet path builds one only for a row that needs the full checks.</summary>
    private struct RawRow
    {
        public long Line;
        public Cell Id, Year, Employment, Turnover, Birth;
        public ReadOnlyMemory<char> Lad, Sic;
        public string? Description, Cpc, Itl2;

        /// <summary>Non-null (possibly empty) when the file gives a postcode instead of lad_code.</summary>
        public string? Postcode;
    }

    /// <summary>
    /// Appends the used rows in file order and rejects the others; duplicate firm × year is checked here, in row
    /// order, after <see cref="Resolver"/> has checked the row's fields. The Parquet path fills the arrays in place
    /// (row r at index r) and then keeps or drops each row in order (<see cref="Keep"/>), compacting as it goes.
    /// </summary>
    private sealed class Builder
    {
        private readonly string _path;
        private readonly GeographyModel _geo;
        private readonly SicHierarchy _sic;
        private readonly Dictionary<string, string> _cpcIntern = new(StringComparer.Ordinal);
        private readonly long[] _lastIdByYear = new long[Resolver.MaxYear - Resolver.MinYear + 1];
        private readonly bool[] _yearSeen = new bool[Resolver.MaxYear - Resolver.MinYear + 1];
        private HashSet<(long, int)>? _seen;
        private long[] _id;
        private int[] _year, _lad, _sub, _birth;
        private string[] _sicCode;
        private double[] _emp, _turn;
        private string?[] _desc, _cpc, _itl2;
        private int _n;

        public Builder(string path, GeographyModel geo, SicHierarchy sic, int capacity, PostcodeLookup? postcodes = null)
        {
            _path = path;
            _geo = geo;
            _sic = sic;
            Account = new RowAccount(path);
            Resolver = new Resolver(geo, sic, postcodes);
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

        public Resolver Resolver { get; }
        public long[] Id => _id;
        public int[] Year => _year;
        public int[] Lad => _lad;
        public int[] Subclass => _sub;
        public int[] Birth => _birth;
        public string[] SicCode => _sicCode;
        public double[] Employment => _emp;
        public double[] Turnover => _turn;
        public string?[] Description => _desc;
        public string?[] Cpc => _cpc;

        /// <summary>
        /// Parquet path: row <paramref name="r"/> (already in the arrays at index r, r ≥ the rows kept so far) passed every
        /// field check; keeps it unless it repeats a firm × year, moving it down to the next free index.
        /// </summary>
        /// <param name="itl2">The row's ITL2 (only for a straddling district).</param>
        /// <param name="idText">The firm id as given, for the duplicate message (default: the integer id).</param>
        public bool Keep(int r, long line, string? itl2 = null, string? idText = null)
        {
            if (IsDuplicate(_id[r], _year[r]))
            {
                Account.Reject(_path, line, "firm_id", MicroRejectReasons.DuplicateFirmYear,
                    (idText ?? _id[r].ToString(CultureInfo.InvariantCulture)) + " " + _year[r].ToString(CultureInfo.InvariantCulture));
                return false;
            }
            if (_n != r)
            {
                _id[_n] = _id[r];
                _year[_n] = _year[r];
                _lad[_n] = _lad[r];
                _sicCode[_n] = _sicCode[r];
                _sub[_n] = _sub[r];
                _emp[_n] = _emp[r];
                _turn[_n] = _turn[r];
                _birth[_n] = _birth[r];
                _desc[_n] = _desc[r];
                _cpc[_n] = _cpc[r];
            }
            _itl2[_n] = itl2;
            _n++;
            Account.CountUsed();
            return true;
        }

        /// <summary>
        /// Parquet path: <see cref="Keep"/> for the <paramref name="count"/> rows from <paramref name="r"/>, which all passed
        /// every field check and need no ITL2 (the common case, without the per-row call while nothing has been dropped).
        /// </summary>
        public void KeepGood(int r, int count)
        {
            int end = r + count, kept = 0;
            for (; r < end && _n == r && _seen is null; r++)
            {
                int k = _year[r] - Resolver.MinYear;
                long id = _id[r];
                if (_yearSeen[k] && id <= _lastIdByYear[k]) break; // out of order: the full check below decides
                _yearSeen[k] = true;
                _lastIdByYear[k] = id;
                _n++;
                kept++;
            }
            Account.CountUsed(kept);
            for (; r < end; r++) Keep(r, r + 2L);
        }

        public RowAccount Account { get; }

        public bool Add(in RawRow r)
        {
            if (!Resolver.TryResolve(in r, out var g, out var fail))
            {
                Account.Reject(_path, r.Line, fail.Field, fail.Reason, fail.Value);
                return false;
            }
            if (IsDuplicate(g.Id, g.Year))
            {
                Account.Reject(_path, r.Line, "firm_id", MicroRejectReasons.DuplicateFirmYear, r.Id.Show() + " " + g.Year.ToString(CultureInfo.InvariantCulture));
                return false;
            }
            if (_n == _id.Length) Grow();
            _id[_n] = g.Id;
            _year[_n] = g.Year;
            _lad[_n] = g.Lad;
            _sicCode[_n] = g.SicCode;
            _sub[_n] = g.Subclass;
            _emp[_n] = g.Employment;
            _turn[_n] = g.Turnover;
            _birth[_n] = g.Birth;
            _desc[_n] = r.Description;
            _cpc[_n] = r.Cpc is null ? null : InternCpc(r.Cpc);
            _itl2[_n] = g.Itl2;
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
                int k = year - Resolver.MinYear;
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
