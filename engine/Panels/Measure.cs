namespace CompeteModel.Engine.Panels;

/// <summary>What a panel cell counts.</summary>
public enum Measure
{
    /// <summary>Employees plus working owners (BRES definition), or a firm's headcount in micro data.</summary>
    Employment,
    /// <summary>Number of enterprises (UK Business Counts) or firms (micro data).</summary>
    Enterprises,
    /// <summary>Gross value added at current prices, £ million (ONS regional accounts, balanced).</summary>
    GvaCurrent,
    /// <summary>Gross value added in chained volume measures, £ million of 2019 (ONS).</summary>
    GvaChainedVolume,
    /// <summary>Firm turnover, £ (micro data).</summary>
    Turnover,
    /// <summary>Any other value from a user's long table (exports, employment of a foreign region, ...).</summary>
    Value,
}
