// The answer to `sweep resume` and `sweep extend`: how the request ended and a one-line message for the user.
using SweepCluster.Core;

namespace SweepCluster.Abstractions;

/// <param name="Message">What was done, or why nothing was (naming the flag and what is valid).</param>
/// <param name="TotalTrials">The sweep's trials after the request.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepChangeResult")]
public sealed record SweepChangeResult(
    [property: Id(0)] SweepChangeOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] int TotalTrials);
