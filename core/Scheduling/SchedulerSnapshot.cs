// What a trial scheduler remembers, as the coordinator stores it with the sweep (SweepState.Scheduler): one immutable
// record per scheduler that keeps state (ASHA, Hyperband, median stopping, PBT; FIFO keeps none and saves null). The
// scheduler works on its snapshot directly, replacing it with `with` on every change, so saving it costs nothing and a
// stored snapshot never changes after it was handed out. Typed records for Orleans' serializer, not JSON text: every
// number (±∞ for a missing metric included) comes back exactly, and the collections are sorted, so nothing depends on
// the order they were filled in.
namespace SweepCluster.Core.Scheduling;

/// <summary>A trial scheduler's saved state; restored by the scheduler of the same kind.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.SchedulerSnapshot")]
public abstract record SchedulerSnapshot;
