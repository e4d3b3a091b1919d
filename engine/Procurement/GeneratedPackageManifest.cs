namespace CompeteModel.Engine.Procurement;

/// <summary>
/// What <see cref="OcdsGenerator"/> wrote, so a reader can be checked against it: releases in all,
/// distinct ocids, files, and the processes it made unusable on purpose by reason ("no value",
/// "currency not convertible") with the number of releases they hold.
/// </summary>
public sealed record GeneratedPackageManifest(
    long Releases,
    long Ocids,
    int Files,
    long NoValueProcesses,
    long NoValueReleases,
    long ForeignCurrencyProcesses,
    long ForeignCurrencyReleases,
    long RetrofitProcesses);
