using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Tests.Pipeline;

/// <summary>The engine runs a batch plan on its own (issue 15): the plan's runs write what <c>compete run</c> writes, with no CLI.</summary>
public sealed class CityRegionBatchExecutorTests
{
    [Fact]
    public void A_plan_runs_in_the_engine_and_each_run_writes_the_same_files_as_a_direct_run()
    {
        var dir = Directory.CreateTempSubdirectory("cm-engine-batch-");
        try
        {
            var spec = Path.Combine(TestData.Datasets, "specs", "city-region.yaml");
            var plan = Path.Combine(dir.FullName, "plan.yaml");
            File.WriteAllText(plan, $"""
                name: engine-only
                seed: 5
                regions: [wmca]
                specs: ["{spec.Replace("\\", "/")}"]
                years: [2021]
                options:
                  fast: {"{"}draws: 20, no_micro: true{"}"}
                  odd: {"{"}draws: 20, colour: blue{"}"}
                """);
            var options = new BatchOptions
            {
                OutputDirectory = Path.Combine(dir.FullName, "out"),
                ToolVersion = "0.1.0-test",
                Clock = TimeProvider.System,
            };
            var result = BatchRunner.Run(BatchPlanReader.Read(plan), options, new CityRegionBatchExecutor(TestData.Datasets, "0.1.0-test").Execute);

            var done = Assert.Single(result.Manifest.Entries, e => e.Status == BatchRunStatus.Complete);
            var failed = Assert.Single(result.Manifest.Entries, e => e.Status == BatchRunStatus.Failed);
            Assert.Contains("unknown option 'colour'", failed.Error);
            Assert.Contains(string.Join(", ", CityRegionBatchExecutor.OptionKeys), failed.Error);

            // the same run made directly: region, spec, end year, draws and the plan's seed
            var uk = UkData.Load(TestData.Datasets);
            var (request, inputs) = RunSetup.Request(uk, uk.Geography.Resolve("wmca"), spec, new RunChoices(null, 2021, null, null, true, 20, 5, 1));
            var direct = CityRegionRun.Execute(uk, request);
            var directDir = Path.Combine(dir.FullName, "direct");
            var written = RunOutputs.Write(direct, directDir, RunSetup.Manifest(uk, direct, spec, inputs, TestData.Datasets, "0.1.0-test"));
            var runDir = Path.Combine(options.OutputDirectory, "runs", done.RunId);
            foreach (var f in written)
                Assert.True(File.ReadAllBytes(Path.Combine(directDir, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(runDir, f))), f + " differs between the batch run and the direct run");
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void An_option_set_with_bres_status_but_no_bres_fails_the_run_with_its_name()
    {
        var spec = Path.Combine(TestData.Datasets, "specs", "city-region.yaml");
        var run = new BatchRun("wmca", spec, spec, new BatchYears(2021, 2021),
            new BatchOptionSet("nobres", new Dictionary<string, string> { ["bres_status"] = "Employees" }), 1, []);
        var e = Assert.Throws<InputException>(() => new CityRegionBatchExecutor(TestData.Datasets, "0.1.0-test").Execute(run, CancellationToken.None));
        Assert.Contains("option set 'nobres' gives bres_status or bres_measure without bres", e.Message);
    }
}
