// When a trial stores a checkpoint: after every N-th epoch (`checkpoint_every: N`), or after the first epoch that ends
// at least S seconds after the previous checkpoint (`checkpoint_seconds: S`, the default). A trial on a lost silo
// resumes from its last checkpoint, so the first bounds the epochs redone and the second the training time redone;
// the second also keeps fast epochs from spending more time on checkpoints than on training. Decision epochs of the
// trial scheduler and the last epoch always store one, whatever the policy.
namespace SweepCluster.Specs.Sweeps;

/// <summary>A sweep's checkpoint policy: exactly one of <paramref name="EveryEpochs"/> and <paramref name="Seconds"/> is positive.</summary>
/// <param name="EveryEpochs">Positive: a checkpoint after every epoch whose number is a multiple of it.</param>
/// <param name="Seconds">Positive: a checkpoint after the first epoch ending at least this long after the previous one.</param>
public sealed record CheckpointPolicy(int EveryEpochs, double Seconds)
{
    /// <summary>Neither key given: <see cref="SweepLimits.DefaultCheckpointSeconds"/>.</summary>
    public static CheckpointPolicy Default { get; } = ByTime(SweepLimits.DefaultCheckpointSeconds);

    public static CheckpointPolicy ByEpochs(int everyEpochs) => new(everyEpochs, 0);

    public static CheckpointPolicy ByTime(double seconds) => new(0, seconds);

    /// <summary>Whether the epoch that just ended (the previous checkpoint <paramref name="secondsSinceLast"/> ago) stores one.</summary>
    public bool IsDue(int epoch, double secondsSinceLast) =>
        EveryEpochs > 0 ? epoch % EveryEpochs == 0 : secondsSinceLast >= Seconds;

    /// <summary>As the docs and `sweep validate` put it.</summary>
    public string Describe() => EveryEpochs > 0
        ? $"every {EveryEpochs} epoch{(EveryEpochs == 1 ? "" : "s")}"
        : $"at the first epoch end {Seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s after the last";
}
