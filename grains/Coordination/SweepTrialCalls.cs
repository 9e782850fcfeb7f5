// The calls a sweep coordinator makes to its trial grains: start one on the silo the machine chose, ask one its state,
// tell one it is pruned or cancelled, forget them all. Each answer becomes the event the machine expects; a trial that
// does not answer becomes "not started" or "still in flight", never an exception in the coordinator.
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;
using SweepCluster.Abstractions;
using SweepCluster.Coordination;
using SweepCluster.Core;

namespace SweepCluster.Grains.Coordination;

internal sealed class SweepTrialCalls(string sweepId, IGrainFactory grains, ILogger logger)
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public ITrialGrain Trial(int index) => grains.GetGrain<ITrialGrain>($"{sweepId}/{index}");

    /// <summary>What the trial grain is given to run the machine's start.</summary>
    public TrialAssignment Assignment(StartTrial start, SweepPlan plan, SweepSubmission submission)
    {
        var checkpoints = plan.Spec.Checkpoints;
        var donor = start.Donor is { } d ? new TrialDonor($"{sweepId}/{d}", start.DonorEpoch) : null;
        return new TrialAssignment(sweepId, start.TrialIndex, start.Spec, LegacyBaseDirectory: null, start.Attempt,
            checkpoints.EveryEpochs, start.DecisionEpochs, donor, checkpoints.Seconds, start.FailuresCounted, start.Life,
            submission.DataSha256Of(start.Spec.Dataset), start.Spec.Trainer is null ? null : submission.SpecDirectory(),
            plan.CombinationOf(start.TrialIndex));
    }

    /// <summary>Starts the trial with a placement hint for the silo the machine chose.</summary>
    public async Task<SweepEvent> StartAsync(StartTrial start, TrialAssignment assignment)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(start.Silo));
        try
        {
            return new TrialStartAnswered(start, await WithHistoryIfEndedAsync(start.TrialIndex, View(await Trial(start.TrialIndex).StartAsync(assignment))), Now);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not start trial {Sweep}/{Trial} on {Silo}; it stays queued", sweepId, start.TrialIndex, start.Silo);
            return new TrialStartFailed(start, Now);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    public async Task<ReconciledTrial> AskStatusAsync(int index)
    {
        try
        {
            return new ReconciledTrial(index, await WithHistoryIfEndedAsync(index, View(await Trial(index).GetStatusAsync())));
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Trial {Sweep}/{Trial} did not answer; it stays in flight", sweepId, index);
            return new ReconciledTrial(index, null);
        }
    }

    // The coordinator's record stands whether or not the trial heard: it learns again when it is started or asks.
    public async Task TellAsync(int index, Func<ITrialGrain, Task> call, string what)
    {
        try
        {
            await call(Trial(index));
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Trial {Sweep}/{Trial} was not told it is {What}; the coordinator's record stands", sweepId, index, what);
        }
    }

    /// <summary>Has every trial forget its state and checkpoint; returns the trials still stopping, which cannot yet.</summary>
    public async Task<int[]> ForgetAllAsync(int trials) =>
        (await Task.WhenAll(Enumerable.Range(0, trials).Select(async i => (i, forgotten: await Trial(i).ForgetAsync()))))
        .Where(t => !t.forgotten).Select(t => t.i).ToArray();

    // An ended trial's answer gets its whole history: its best metric may be among epochs whose reports were lost with
    // an earlier activation of this coordinator.
    private async Task<TrialView> WithHistoryIfEndedAsync(int index, TrialView view) =>
        view.Status.IsTerminal() && !view.IsTraining && view.Last is not null ? view with { History = await Trial(index).GetHistoryAsync() } : view;

    private static TrialView View(TrialStatusReport s) =>
        new(s.Status, s.Attempt, s.Last, s.Error, s.Silo, s.WallSeconds, s.IsTraining, s.StopReason, Test: s.Test);
}
