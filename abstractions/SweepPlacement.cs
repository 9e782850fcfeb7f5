// Where a sweep lives in the cluster at one moment: the silo of its coordinator and the silo of every trial in flight.
// For people (`sweep status`), asked rarely: progress polls do not carry it.
using SweepCluster.Core;

namespace SweepCluster.Abstractions;

/// <param name="CoordinatorSilo">The endpoint (host:port) of the silo whose activation answered.</param>
/// <param name="InFlight">Every trial started on a silo and not ended, paused or queued again, by trial index.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepPlacement")]
public sealed record SweepPlacement(
    [property: Id(0)] string CoordinatorSilo,
    [property: Id(1)] IReadOnlyList<TrialLocation> InFlight);

/// <param name="Silo">The endpoint (host:port) of the silo the trial's current attempt was placed on.</param>
/// <param name="Status">Pending (sent, not started yet) or Running.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialLocation")]
public sealed record TrialLocation(
    [property: Id(0)] int TrialIndex,
    [property: Id(1)] string Silo,
    [property: Id(2)] TrialStatus Status);
