namespace SweepCluster.Abstractions;

/// <summary>
/// One time a trial started training: on which silo, from which completed epoch (0 = from scratch, else the
/// checkpoint it resumed from) and the last epoch it stored. Consecutive records show how much work a failure cost:
/// a resumed attempt redid (previous LastEpoch − its StartEpoch) epochs.
/// </summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.AttemptRecord")]
public sealed record AttemptRecord(
    [property: Id(0)] int Attempt,
    [property: Id(1)] string Silo,
    [property: Id(2)] int StartEpoch,
    [property: Id(3)] int LastEpoch,
    [property: Id(4)] DateTimeOffset StartedAt);
