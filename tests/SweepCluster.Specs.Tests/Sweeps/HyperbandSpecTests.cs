// `scheduler: { type: hyperband, min_epochs, eta, brackets }`: its keys are bound, keys of other schedulers and unknown
// keys are refused with the valid ones, and brackets must be >= 1 and no more than the longest trial's epochs allow.
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class HyperbandSpecTests
{
    [Fact]
    public void HyperbandsKeysAreBoundAndBracketsIsOptional()
    {
        var given = Yaml("epochs: 27\nscheduler: { type: hyperband, min_epochs: 1, eta: 3, brackets: 2 }\n").SchedulerSettings;
        Assert.Equal((SchedulerKind.Hyperband, 1, 3, (int?)2), (given.Kind, given.MinEpochs, given.Eta, given.Brackets));
        var defaults = Yaml("epochs: 9\nscheduler: hyperband\n").SchedulerSettings;
        Assert.Equal((SchedulerKind.Hyperband, 1, 3, (int?)null), (defaults.Kind, defaults.MinEpochs, defaults.Eta, defaults.Brackets));
        Assert.Equal(SchedulerKind.Hyperband, Yaml("search: { strategy: grid, scheduler: { type: hyperband, eta: 2 } }\nepochs: 8\n").Scheduler);
    }

    [Fact]
    public void KeysOfOtherSchedulersAndUnknownKeysAreRefusedWithTheValidOnes()
    {
        var errors = Errors("epochs: 9\nscheduler: { type: hyperband, grace_epochs: 2, bracket: 2 }\n");
        var other = At(errors, "scheduler.grace_epochs");
        Assert.Equal(2, other.Line);
        Assert.Contains("'grace_epochs' does not apply to the hyperband scheduler; valid keys: type, min_epochs, eta, brackets", other.Message);
        var unknown = At(errors, "scheduler.bracket");
        Assert.Contains("unknown key 'bracket'; did you mean 'brackets'?", unknown.Message);
        Assert.Contains("Valid keys: type, min_epochs, eta, brackets", unknown.Message);
        Assert.Contains("'brackets' does not apply to the asha scheduler",
            At(Errors("epochs: 9\nscheduler: { type: asha, brackets: 2 }\n"), "scheduler.brackets").Message);
    }

    [Fact]
    public void BracketsMustBeAtLeastOne()
    {
        var error = At(Errors("epochs: 9\nscheduler:\n  type: hyperband\n  brackets: 0\n"), "scheduler.brackets");
        Assert.Equal(4, error.Line);
        Assert.Contains("must be >= 1 (1 is plain ASHA; leave it out for every bracket the epochs allow), found 0", error.Message);
        Assert.Contains("whole number", At(Errors("epochs: 9\nscheduler: { type: hyperband, brackets: 1.5 }\n"), "scheduler.brackets").Message);
    }

    [Fact]
    public void BracketsBeyondWhatTheLongestTrialAllowsAreRefusedWithWhatWouldWork()
    {
        var error = At(Errors("epochs: [3, 9]\nscheduler:\n  type: hyperband\n  eta: 3\n  brackets: 4\n"), "scheduler.brackets");
        Assert.Equal(5, error.Line);
        Assert.Contains("4 is more than the trials' epochs allow: with min_epochs 1 and eta 3, a trial of at most 9 epochs has 2 rung(s) " +
            "(epoch 1, 3), so at most 3 brackets", error.Message);
        Assert.Contains("use 1 to 3, or leave brackets out", error.Message);
        Assert.Equal(3, Yaml("epochs: [3, 9]\nscheduler: { type: hyperband, brackets: 3 }\n").SchedulerSettings.Brackets); // the longest trial decides
    }

    [Fact]
    public void AFirstRungAtOrAfterTheLastEpochIsRefusedAsForAsha()
    {
        var error = At(Errors("epochs: [3, 5]\nscheduler: { type: hyperband, min_epochs: 5 }\n"), "scheduler.min_epochs");
        Assert.Equal(2, error.Line);
        Assert.Contains("5 is not below the trials' epochs (at most 5): Hyperband's first rung", error.Message);
        Assert.Contains("use at most 4, e.g. 1", error.Message);
    }
}
