namespace CompeteModel.Engine.Procurement;

/// <summary>
/// One supplying SIC division in a demand scenario (<see cref="DemandScenario"/>): its share of the
/// technology's demand, the scenario and added annual demand it receives, the region's capacity in it
/// (employment, LQ with its rounding interval, growth), the quotient used for local supply (FLQ or SLQ), the
/// share it is expected to supply locally (min(1, quotient)) and the local and leaked demand, the added demand
/// per local job, GVA per job (£, with the ONS GVA row it comes from) and the jobs the local demand supports.
/// <see cref="LeakagePerMillion"/> is the leakage of £1m of the technology's demand through this
/// division: 1,000,000 × MixShare × LeakageShare; when every division has a published LQ the values
/// sum to the overall leakage rate × £1m.
/// </summary>
public sealed record ScenarioRow(
    string Division,
    string Name,
    double MixShare,
    double ScenarioDemandGbp,
    double AddedDemandGbp,
    double Employment,
    double EmploymentLower,
    double EmploymentUpper,
    double LocationQuotient,
    double LqLower,
    double LqUpper,
    bool LqReliable,
    double Growth,
    double LocalSupplyShare,
    double LeakageShare,
    double LeakedDemandGbp,
    double LeakagePerMillion,
    double AddedDemandPerJob,
    string Assessment,
    double LocalSupplyQuotient = double.NaN,
    double LocalDemandGbp = double.NaN,
    double GvaPerJobGbp = double.NaN,
    string? GvaRow = null,
    double JobsSupported = double.NaN,
    double AddedJobsSupported = double.NaN);
