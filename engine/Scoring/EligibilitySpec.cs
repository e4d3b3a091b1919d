using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Which sectors the main ranking may hold (spec key <c>eligibility</c>). <see cref="Classification"/> names the
/// traded/local classification (<c>traded_local</c>: the shipped <c>datasets/sectors/traded_local_sic2007.csv</c>, or a
/// file path); sectors of a class outside <see cref="Score"/> are listed in their own table, not ranked. The size floor
/// (<see cref="MinEmployment"/> jobs and/or <see cref="MinEmploymentShare"/> of the region's jobs) is checked on
/// published employment, averaged over the end window of the growth endpoints; sectors below it are unscored with
/// their reason.
/// </summary>
public sealed record EligibilitySpec(
    string Classification,
    IReadOnlyList<TradeClass> Score,
    double? MinEmployment,
    double? MinEmploymentShare,
    long Line);
