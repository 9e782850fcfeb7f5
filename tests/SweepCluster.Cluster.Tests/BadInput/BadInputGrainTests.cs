// Through the grain API: every bad input of the shared table is refused by SweepCoordinatorGrain.SubmitAsync on a real
// three-silo TestingHost cluster with a clear error (file, field, line, what is valid), nothing is stored for its id,
// and the same cluster then still runs a valid sweep to completion. Data files travel as the CLI sends them: read on
// this side and uploaded without checking their content, so the coordinator's own check of the stored copy is what
// refuses a bad CSV; a file that cannot be read at all is refused on this side, before the cluster hears of it.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Testing;

namespace SweepCluster.Cluster.Tests.BadInput;

[TestCaseOrderer(RunLastOrderer.Name, RunLastOrderer.Assembly)]
public sealed class BadInputGrainTests(ThreeSiloCluster fixture) : IClassFixture<ThreeSiloCluster>
{
    private const string SmallValid = """
        name: still-serving
        dataset: iris
        model: { hidden: [8] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.05, 0.1]
        batch_size: 16
        seeds: [1]
        epochs: 2
        """;

    public static TheoryData<string> Cases() => BadInputCase.Names();

    [Fact]
    public void TheTableHasAtLeast25Cases() => Assert.True(BadInputCase.All.Count >= 25, $"{BadInputCase.All.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadSpecIsRefusedWithAClearErrorAndNothingIsStored(string name)
    {
        var bad = BadInputCase.Named(name);
        var id = $"bad-{name}";
        var result = await Submit(id, bad);
        Assert.True(result.Outcome == SubmitOutcome.Invalid, $"{result.Outcome}: {string.Join("\n", result.Errors)}");
        bad.AssertReported(result.Errors);
        await AssertNothingStored(id);
    }

    [Fact]
    public async Task ASpecJustOverOneMebibyteIsRefusedBeforeParsing()
    {
        var text = SmallValid + "\n#" + new string('x', (int)SpecLimits.MaxFileBytes - SmallValid.Length) + "\n";
        Assert.True(text.Length > SpecLimits.MaxFileBytes);
        var coordinator = fixture.Grains.GetGrain<ISweepCoordinatorGrain>("bad-oversized");
        var result = await coordinator.SubmitAsync(new SweepSubmission(text, "oversized.yaml", null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Contains("oversized.yaml", error);
        Assert.Contains($"{text.Length:N0}", error);
        Assert.Contains($"the limit is {SpecLimits.MaxFileBytes:N0}", error);
        await AssertNothingStored("bad-oversized");
    }

    public static TheoryData<string> BadIds() => new() { "../x", "..", "a/b", ".hidden", "x y", "-x", new string('a', SweepIds.MaxLength + 1) };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task ASweepIdWithPathCharactersIsRefusedAndNothingIsStored(string id)
    {
        var coordinator = fixture.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        var result = await coordinator.SubmitAsync(new SweepSubmission(SmallValid, "valid.yaml", null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Contains(id, error);
        Assert.Contains("letters, digits, '.', '_' or '-'", error);
        await AssertNothingStored(id);
    }

    [Fact]
    public async Task AnUnknownSweepIdHasNoProgressNoReportAndCannotBeCancelled()
    {
        var coordinator = fixture.Grains.GetGrain<ISweepCoordinatorGrain>("no-such-sweep");
        Assert.False(await coordinator.CancelAsync());
        Assert.Null(await coordinator.GetProgressAsync());
        Assert.Null(await coordinator.GetReportAsync());
        await AssertNothingStored("no-such-sweep");
    }

    [Fact]
    [RunLast]
    public async Task AfterAllTheBadInputTheClusterStillRunsAValidSweep()
    {
        // Self-contained too: refuse every case once more on this cluster, then run a valid sweep.
        foreach (var bad in BadInputCase.All) Assert.Equal(SubmitOutcome.Invalid, (await Submit($"again-{bad.Case}", bad)).Outcome);
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "still-serving", SmallValid);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(2, progress.Count(TrialStatus.Completed));
        var listed = await fixture.Grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        Assert.Contains(listed, s => s.SweepId == "still-serving");
        Assert.DoesNotContain(listed, s => s.SweepId.StartsWith("bad-") || s.SweepId.StartsWith("again-"));
    }

    private async Task<SubmitResult> Submit(string id, BadInputCase bad)
    {
        IReadOnlyList<SweepDataFile>? data = null;
        if (TryLoad(bad.SpecPath) is { } spec)
        {
            try
            {
                data = await SweepDriver.UploadDataAsync(fixture.Grains, spec);
            }
            catch (SpecException unreadable)
            {
                return new SubmitResult(SubmitOutcome.Invalid, id, "", 0, unreadable.Errors.Select(e => e.ToString()).ToArray());
            }
        }
        return await fixture.Grains.GetGrain<ISweepCoordinatorGrain>(id).SubmitAsync(new SweepSubmission(
            File.ReadAllText(bad.SpecPath), bad.File, null, IsJson: bad.File.EndsWith(".json", StringComparison.Ordinal), AllowLarge: false, data));
    }

    /// <summary>The spec, when it is valid enough to name its data files; else the coordinator reports its errors.</summary>
    private static SweepSpec? TryLoad(string specPath)
    {
        try
        {
            return SweepSpecLoader.Load(specPath);
        }
        catch (SpecException)
        {
            return null;
        }
    }

    private async Task AssertNothingStored(string id)
    {
        var coordinator = fixture.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        Assert.Null(await coordinator.GetProgressAsync());
        Assert.Null(await coordinator.GetReportAsync());
        var listed = await fixture.Grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        Assert.DoesNotContain(listed, s => s.SweepId == id);
    }
}
