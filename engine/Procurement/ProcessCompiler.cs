using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Compiles the releases of each ocid into one process, so a tender, its award and award updates
/// count once. Releases are ordered by their date (input order breaks ties) and each field takes its
/// latest published value. Awards are taken from the latest release that carries any (Contracts
/// Finder republishes the whole notice, and its corrections come as new awards: summing awards
/// across releases would double count); their live (not cancelled or unsuccessful) positive amounts
/// give the value. Only when there is none does the tender value (or planning budget) count.
/// A process is rejected as a whole — every one of its releases counted with the reason — when it
/// has no positive value ("no value"), its value has no currency ("no currency"), or the currency is
/// neither GBP nor EUR with a rate given ("currency not convertible").
/// <para>Annualisation: years = (end − start) in days / 365.25 from the awarded contract period, else
/// the tender's; annual value = value / max(1, years), so a contract shorter than a year counts its
/// whole value in one year. Without a usable period (missing date, end not after start) the
/// length is <see cref="ProcurementReadOptions.AssumedYearsWhenNoPeriod"/> and the process is
/// flagged <see cref="ProcurementProcess.PeriodAssumed"/>.</para>
/// <para>Each process is classed as a contract, call-off, framework agreement or DPS from its latest
/// release (<see cref="ArrangementDetector"/>); the value of a framework or DPS is kept as its ceiling and
/// never counted as demand by the measures.</para>
/// </summary>
public static class ProcessCompiler
{
    public static CompiledProcesses Compile(OcdsReadResult read, ProcurementReadOptions? options = null)
    {
        options ??= ProcurementReadOptions.Default;
        var rejects = new List<ProcurementReject>(read.Rejects);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var releases = read.Releases;
        for (int i = 0; i < releases.Count; i++)
        {
            if (!groups.TryGetValue(releases[i].Ocid, out var list)) groups[releases[i].Ocid] = list = new List<int>(2);
            list.Add(i);
        }
        var processes = new List<ProcurementProcess>(groups.Count);
        long compiled = 0;
        foreach (var ocid in groups.Keys.Order(StringComparer.Ordinal))
        {
            var idx = groups[ocid];
            idx.Sort((a, b) =>
            {
                int c = releases[a].Date.CompareTo(releases[b].Date);
                return c != 0 ? c : a.CompareTo(b);
            });
            var rels = idx.Select(i => releases[i]).ToList();
            var (process, field, reason, value) = CompileOne(ocid, rels, options);
            if (process is null)
            {
                foreach (var r in rels) rejects.Add(new ProcurementReject(r.File, r.Line, ocid, field!, reason!, value));
                continue;
            }
            processes.Add(process);
            compiled += rels.Count;
        }
        var result = new CompiledProcesses(processes, rejects, read.UnitsRead, compiled, read.Files);
        result.Check();
        return result;
    }

    private static (ProcurementProcess? Process, string? Field, string? Reason, string? Value) CompileOne(
        string ocid, List<ProcurementRelease> rels, ProcurementReadOptions options)
    {
        T? Latest<T>(Func<ProcurementRelease, T?> get) where T : class
        {
            for (int i = rels.Count - 1; i >= 0; i--)
            {
                var v = get(rels[i]);
                if (v is not null) return v;
            }
            return null;
        }
        ImmutableArray<T> LatestNonEmpty<T>(Func<ProcurementRelease, ImmutableArray<T>> get)
        {
            for (int i = rels.Count - 1; i >= 0; i--)
            {
                var v = get(rels[i]);
                if (!v.IsDefaultOrEmpty) return v;
            }
            return ImmutableArray<T>.Empty;
        }
        var last = rels[^1];
        var awardRelease = rels.LastOrDefault(r => !r.Awards.IsDefaultOrEmpty);
        var live = awardRelease?.Awards.Where(a => a.IsLive).ToList() ?? new List<ProcurementAward>();

        double value = 0;
        var source = ValueSource.Award;
        string? currencyFault = null;
        foreach (var a in live.Where(a => a.Amount is > 0))
        {
            var gbp = ToGbp(a.Amount!.Value, a.Currency, options, out var fault);
            if (fault is not null) { currencyFault = fault; break; }
            value += gbp;
        }
        string valueField = "awards.value";
        string? faultValue = null;
        if (currencyFault is not null)
            faultValue = live.First(a => a.Amount is > 0).Currency;
        else if (value <= 0)
        {
            source = ValueSource.Tender;
            valueField = "tender.value";
            var withTender = rels.LastOrDefault(r => r.TenderAmount is > 0);
            if (withTender is null) return (null, "value", "no value", null);
            value = ToGbp(withTender.TenderAmount!.Value, withTender.TenderCurrency, options, out currencyFault);
            faultValue = withTender.TenderCurrency;
        }
        if (currencyFault is not null) return (null, valueField + ".currency", currencyFault, faultValue);

        var award = live.FirstOrDefault(a => a.ContractStart is not null && a.ContractEnd is not null);
        DateTimeOffset? start, end;
        if (award is not null) (start, end) = (award.ContractStart, award.ContractEnd);
        else
        {
            var withPeriod = rels.LastOrDefault(r => r.ContractStart is not null && r.ContractEnd is not null)
                             ?? rels.LastOrDefault(r => r.ContractStart is not null || r.ContractEnd is not null);
            (start, end) = (withPeriod?.ContractStart, withPeriod?.ContractEnd);
        }
        double years = start is not null && end is not null ? (end.Value - start.Value).TotalDays / 365.25 : double.NaN;
        bool assumed = !(years > 0);
        if (assumed) years = options.AssumedYearsWhenNoPeriod;
        double annual = value / Math.Max(1.0, years);

        var suppliers = new List<ProcurementParty>();
        foreach (var a in live)
            foreach (var s in a.Suppliers)
                if (!suppliers.Any(x => (x.Id is not null && x.Id == s.Id) || (x.Id is null && s.Id is null && x.Name == s.Name))) suppliers.Add(s);

        bool? suitable = null;
        for (int i = rels.Count - 1; i >= 0 && suitable is null; i--) suitable = rels[i].SuitableForSme;

        string? title = Latest(r => r.Title), description = Latest(r => r.Description);
        var extras = Latest(r => r.Extras);
        var (arrangement, arrangementEvidence) = ArrangementDetector.Detect(extras, title, description);
        var process = new ProcurementProcess(ocid, last.File, last.Line, rels.Count, rels[0].Date, last.Date,
            last.Tags.IsDefaultOrEmpty ? "" : string.Join(';', last.Tags),
            title, description, LatestNonEmpty(r => r.CpvCodes), Latest(r => r.Buyer),
            value, source, start, end, years, assumed, annual, suppliers.ToImmutableArray(), suitable,
            LatestNonEmpty(r => r.DeliveryRegions), LatestNonEmpty(r => r.DeliveryPostcodes),
            arrangement, arrangementEvidence, Latest(r => r.Extras?.BuyerScheme), Latest(r => r.Extras?.BuyerIdentifier));
        return (process, null, null, null);
    }

    private static double ToGbp(double amount, string? currency, ProcurementReadOptions options, out string? fault)
    {
        fault = null;
        switch (currency)
        {
            case null or "":
                fault = "no currency";
                return double.NaN;
            case "GBP":
                return amount;
            case "EUR" when options.EurToGbp is { } rate:
                return amount * rate;
            default:
                fault = "currency not convertible";
                return double.NaN;
        }
    }
}
