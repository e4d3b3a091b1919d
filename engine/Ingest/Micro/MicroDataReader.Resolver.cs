using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Micro;

public static partial class MicroDataReader
{
    /// <summary>A row that passed every field check (duplicates are checked later, in row order).</summary>
    private readonly record struct Good(long Id, int Year, int Lad, string SicCode, int Subclass, double Employment, double Turnover, int Birth, string? Itl2);

    /// <summary>Why a row is rejected: the first failing field, the reason and the value as given.</summary>
    private readonly record struct Failure(string Field, string Reason, string? Value);

    /// <summary>
    /// The field checks of one row, in column order (the first failing check is the reject reason), with LAD, SIC and
    /// ITL2 text resolved once per distinct value. Not thread-safe: the Parquet path gives each worker its own.
    /// </summary>
    private sealed class Resolver
    {
        public const int MinYear = 1800, MaxYear = 2199;
        private readonly GeographyModel _geo;
        private readonly SicHierarchy _sic;
        private readonly Dictionary<string, int> _ladByText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string? Code, int Subclass)> _sicByText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ladLookup;
        private readonly Dictionary<string, (string? Code, int Subclass)>.AlternateLookup<ReadOnlySpan<char>> _sicLookup;
        private readonly Dictionary<string, string?> _itl2ByText = new(StringComparer.Ordinal);
        private readonly PostcodeLookup? _postcodes;

        public Resolver(GeographyModel geo, SicHierarchy sic, PostcodeLookup? postcodes = null)
        {
            _postcodes = postcodes;
            _geo = geo;
            _sic = sic;
            _ladLookup = _ladByText.GetAlternateLookup<ReadOnlySpan<char>>();
            _sicLookup = _sicByText.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>Index into the districts, or −1 when the text is no district code (case and surrounding blanks ignored).</summary>
        public int Lad(ReadOnlySpan<char> text)
        {
            if (_ladLookup.TryGetValue(text, out var lad)) return lad;
            lad = -1;
            var code = text.Trim();
            for (int i = 0; i < _geo.Lads.Count; i++)
                if (code.Equals(_geo.Lads[i].Code, StringComparison.OrdinalIgnoreCase)) { lad = i; break; }
            _ladByText[text.ToString()] = lad;
            return lad;
        }

        /// <summary>The cleaned code and subclass index (−1 when coarser than a subclass); Code null when it is no usable SIC code.</summary>
        public (string? Code, int Subclass) Sic(ReadOnlySpan<char> text)
        {
            if (_sicLookup.TryGetValue(text, out var s)) return s;
            var clean = SicHierarchy.Clean(text.ToString());
            if (clean.Length == 6 && clean[5] == '0') clean = clean[..5];
            var lvl = SicHierarchy.LevelOf(clean);
            s = (null, -1);
            if (lvl is not null && lvl != SectorLevel.Section && _sic.SubclassesUnder(clean).Count > 0)
                s = (clean, _sic.TryGetSubclass(clean, out var si) ? si : -1);
            _sicByText[text.ToString()] = s;
            return s;
        }

        public bool TryResolve(in RawRow r, out Good good, out Failure fail)
        {
            good = default;
            fail = default;
            bool Reject(string field, string reason, string? value, out Failure f)
            {
                f = new Failure(field, reason, value);
                return false;
            }
            if (r.Id.IsMissing) return Reject("firm_id", MicroRejectReasons.MissingValue, null, out fail);
            if (!r.Id.TryLong(out var id)) return Reject("firm_id", MicroRejectReasons.UnparsableNumber, r.Id.Show(), out fail);
            if (r.Year.IsMissing) return Reject("year", MicroRejectReasons.MissingValue, null, out fail);
            if (!r.Year.TryLong(out var yl)) return Reject("year", MicroRejectReasons.UnparsableNumber, r.Year.Show(), out fail);
            if (yl is < MinYear or > MaxYear) return Reject("year", MicroRejectReasons.YearOutOfRange, r.Year.Show(), out fail);
            int year = (int)yl;

            int lad;
            if (r.Postcode is not null)
            {
                if (string.IsNullOrWhiteSpace(r.Postcode)) return Reject("postcode", MicroRejectReasons.MissingValue, null, out fail);
                if (!Postcode.TryParse(r.Postcode, out var pc)) return Reject("postcode", MicroRejectReasons.InvalidPostcode, r.Postcode, out fail);
                var d = _postcodes!.Find(pc);
                if (d.Lad is null) return Reject("postcode", MicroRejectReasons.PostcodeWithoutDistrict, $"{pc} ({d.Outcome})", out fail);
                lad = Lad(d.Lad.Code);
            }
            else
            {
                lad = Lad(r.Lad.Span);
                if (lad < 0) return Reject("lad_code", r.Lad.Span.IsWhiteSpace() ? MicroRejectReasons.MissingValue : MicroRejectReasons.UnknownLad, r.Lad.ToString(), out fail);
            }
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
                if (itl2 is null || !l.Itl2Codes.Contains(itl2)) return Reject("itl2", MicroRejectReasons.StraddlingWithoutItl2, r.Itl2, out fail);
            }
            else
            {
                if (itl2 is not null && itl2 != l.Itl2Codes[0]) return Reject("itl2", MicroRejectReasons.Itl2Mismatch, r.Itl2, out fail);
                itl2 = null;
            }

            var s = Sic(r.Sic.Span);
            if (s.Code is null) return Reject("sic", r.Sic.Span.IsWhiteSpace() ? MicroRejectReasons.MissingValue : MicroRejectReasons.UnknownSic, r.Sic.ToString(), out fail);

            if (r.Employment.IsMissing) return Reject("employment", MicroRejectReasons.MissingValue, null, out fail);
            if (!r.Employment.TryDouble(out var emp) || double.IsNaN(emp) || double.IsInfinity(emp))
                return Reject("employment", MicroRejectReasons.UnparsableNumber, r.Employment.Show(), out fail);
            if (emp < 0) return Reject("employment", MicroRejectReasons.NegativeEmployment, r.Employment.Show(), out fail);

            double turnover = double.NaN;
            if (!r.Turnover.IsMissing)
            {
                if (!r.Turnover.TryDouble(out turnover) || double.IsInfinity(turnover))
                    return Reject("turnover", MicroRejectReasons.UnparsableNumber, r.Turnover.Show(), out fail);
                if (turnover < 0) return Reject("turnover", MicroRejectReasons.NegativeTurnover, r.Turnover.Show(), out fail);
            }
            int birth = 0;
            if (!r.Birth.IsMissing)
            {
                if (!r.Birth.TryLong(out var bl)) return Reject("birth_year", MicroRejectReasons.UnparsableNumber, r.Birth.Show(), out fail);
                if (bl is < 0 or > MaxYear) return Reject("birth_year", MicroRejectReasons.YearOutOfRange, r.Birth.Show(), out fail);
                birth = (int)bl;
            }
            good = new Good(id, year, lad, s.Code, s.Subclass, emp, turnover, birth, itl2);
            return true;
        }
    }
}
