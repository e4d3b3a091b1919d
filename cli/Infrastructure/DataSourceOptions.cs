using System.CommandLine;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// The options that choose the data a command reads: <c>--bres FILE</c> (a NOMIS BRES download used before the shipped
/// ITL2 file), <c>--bres-status</c>/<c>--bres-measure</c> (which employment status or measure of that download to keep)
/// and <c>--catalogue FILE</c> (the user's files for other shipped datasets).
/// </summary>
public sealed class DataSourceOptions
{
    public Option<string?> Bres { get; } = new("--bres")
    {
        Description = "A BRES download from NOMIS (API CSV or web layout; districts of any vintage, ITL areas, combined authorities; any SIC level); " +
                      "regions it describes are built from it, others from the shipped ITL2 file",
    };

    public Option<string?> BresStatus { get; } = new("--bres-status") { Description = "Employment status of --bres to keep (name or NOMIS code); default: Employment only" };
    public Option<string?> BresMeasure { get; } = new("--bres-measure") { Description = "Measure of --bres to keep (name or NOMIS code); default: Count only" };
    public Option<string?> Catalogue { get; } = new("--catalogue") { Description = "CSV with columns id,path: your files in place of shipped datasets (ids: compete data sources)" };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Bres, BresStatus, BresMeasure, Catalogue }) cmd.Options.Add(o);
    }

    public DataChoice Choice(ParseResult pr)
    {
        if (pr.GetValue(Bres) is null && (pr.GetValue(BresStatus) is not null || pr.GetValue(BresMeasure) is not null))
            throw new UsageException("--bres-status and --bres-measure choose rows of a --bres file; give --bres FILE");
        return new DataChoice(pr.GetValue(Bres), pr.GetValue(BresStatus), pr.GetValue(BresMeasure), pr.GetValue(Catalogue));
    }
}
