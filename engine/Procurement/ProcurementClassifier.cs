using System.Collections.Immutable;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Classifies compiled processes: SIC division shares from the CPV concordance, technologies from the
/// tagger applied to "title. description" (no CPC codes: notices carry CPV, not patent classes) and,
/// when given, the retrofit lexicon's tags after them (ids distinct from the taxonomy's), and buyer and
/// supplier locations, and the buyer's type with its reason (when rules are given).
/// </summary>
public sealed class ProcurementClassifier
{
    private readonly CpvConcordance _concordance;
    private readonly TechnologyTagger _tagger;
    private readonly PartyLocator _locator;
    private readonly TechnologyTagger? _retrofit;
    private readonly BuyerTypeRules? _buyerTypes;

    public ProcurementClassifier(CpvConcordance concordance, TechnologyTagger tagger, PartyLocator locator, TechnologyTagger? retrofit = null,
        BuyerTypeRules? buyerTypes = null)
    {
        _buyerTypes = buyerTypes;
        _retrofit = retrofit;
        _concordance = concordance;
        _tagger = tagger;
        _locator = locator;
    }

    public ClassifiedProcess Classify(ProcurementProcess p)
    {
        var shares = _concordance.Shares(p.CpvCodes, out var unmapped);
        var text = (p.Title, p.Description) switch
        {
            (null, null) => null,
            (string t, null) => t,
            (null, string d) => d,
            (string t, string d) => t + ". " + d,
        };
        var tech = _tagger.Tag(text);
        if (_retrofit is not null) tech = tech.Concat(_retrofit.Tag(text)).ToList();
        var suppliers = p.Suppliers.Select(_locator.LocateSupplier).ToImmutableArray();
        var buyer = _locator.LocateBuyer(p.Buyer);
        var (type, reason) = _buyerTypes?.Classify(p.Buyer, p.BuyerScheme, buyer.National) ?? (BuyerType.OtherPublic, "no buyer-type rules given");
        return new ClassifiedProcess(p, shares.ToImmutableArray(), unmapped.ToImmutableArray(), tech.ToImmutableArray(),
            buyer, suppliers, type, reason);
    }

    public IReadOnlyList<ClassifiedProcess> ClassifyAll(IReadOnlyList<ProcurementProcess> processes)
    {
        var result = new ClassifiedProcess[processes.Count];
        for (int i = 0; i < processes.Count; i++) result[i] = Classify(processes[i]);
        return result;
    }
}
