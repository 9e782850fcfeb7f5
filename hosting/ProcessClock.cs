// The clock of the silo's cluster-membership loops (Orleans' keyed TimeProvider "Membership", its documented way to
// give one area its own clock): real time, with timestamps counted from this process's start instead of the
// machine's boot. Orleans' watchdog reads the timestamp of its first component health check before that check has
// set it; from the default 0 it then reports "Participant check thread has not completed for <the machine's uptime>,
// potentially indicating ... deadlock" at every start. Counted from the process's start, an unset timestamp is the
// process's age (seconds), under the warning's threshold; every real stall, a difference of timestamps, is measured
// exactly as before.
using System.Diagnostics;

namespace SweepCluster.Hosting;

public sealed class ProcessClock : TimeProvider
{
    private static readonly long ProcessStart = Stopwatch.GetTimestamp();

    public static ProcessClock Instance { get; } = new();

    private ProcessClock()
    {
    }

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - ProcessStart;

    public override long TimestampFrequency => Stopwatch.Frequency;
}
