namespace CompeteModel.Tests.EndToEnd;

/// <summary>The end-to-end tests run one at a time: each starts the real program, which uses every core for its Monte Carlo.</summary>
[CollectionDefinition("EndToEnd", DisableParallelization = true)]
public sealed class EndToEndCollection;
