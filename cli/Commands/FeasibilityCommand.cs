using System.CommandLine;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete feasibility</c>: the national spec on the UK among the EU-28 against the city-region spec on the
/// region's firm-level data, and the city-region spec on firm data against published aggregates (issue 7).
/// </summary>
public static class FeasibilityCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var nationalSpec = new Option<string>("--national-spec") { Description = "The national spec (file or shipped name)", DefaultValueFactory = _ => "national" };
        var output = new Option<string?>("--out") { Description = "Output folder; default out/feasibility-<region>" };
        var cmd = new Command("feasibility", "How far the national model carries to a city region: rank agreement and reliability at each scale");
        o.AddTo(cmd);
        cmd.Options.Add(nationalSpec);
        cmd.Options.Add(output);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("feasibility");
            string? staged = pr.GetValue(output) is { } given ? tx.Folder(given) : null;
            var dataDir = DataPaths.Resolve(pr.GetValue(o.Data));
            var uk = o.LoadUk(pr, dataDir);
            var region = uk.Geography.Resolve(pr.GetValue(o.Region)!);
            var choices = o.Choices(pr);
            if (choices.MicroFile is null && !choices.GeneratedFirms)
                throw new UsageException("the feasibility study compares firm-level data with published aggregates: give --micro FILE (your firms) or --generated-firms (a demonstration on generated firms)");
            var (request, _) = RunSetup.Request(uk, region, RunSetup.SpecPath(dataDir, pr.GetValue(o.Spec)!), choices);
            var natSpec = ModelSpec.Load(RunSetup.SpecPath(dataDir, pr.GetValue(nationalSpec)!));
            var eu28Path = uk.Catalogue.PathOf(Engine.Catalogue.DataCatalogue.Ids.Eu28Employment);
            if (!File.Exists(eu28Path)) throw new InputException("the EU-28 reference data are missing", eu28Path);
            var result = FeasibilityStudy.Run(uk, TableFiles.Read(eu28Path), natSpec, request, choices.Draws);
            var dir = pr.GetValue(output) ?? Path.Combine("out", "feasibility-" + region.Id.ToLowerInvariant());
            var into = staged ?? tx.Folder(dir);
            var md = FeasibilityOutputs.Write(result, into);
            tx.Commit();
            Console.Out.Write(md);
            Console.Error.WriteLine("wrote feasibility.md and the three rankings to " + Path.GetFullPath(dir));
            return 0;
        }));
        return cmd;
    }
}
