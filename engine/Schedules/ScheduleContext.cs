namespace SweepCluster.Engine.Schedules;

/// <summary>What a schedule may need to know about the run when it is built.</summary>
/// <param name="TotalSteps">T on the step clock: Σ over epochs of ceil(train rows / that epoch's batch size).</param>
/// <param name="Epochs">T on the epoch clock.</param>
/// <param name="FanIns">Each dense layer's fan-in, in order.</param>
/// <param name="FeatureScale">d / E‖x‖² of the (possibly standardised) training inputs.</param>
public sealed record ScheduleContext(long TotalSteps, int Epochs, IReadOnlyList<int> FanIns, double FeatureScale);
