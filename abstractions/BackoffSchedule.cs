// Exponential backoff with jitter as a pure function of the retry number and one random draw, so the schedule is
// testable in milliseconds. The CLI's connect loop and every retried grain call wait by it; it sleeps nowhere itself.
namespace SweepCluster.Abstractions;

/// <summary>
/// The wait before retry n (1 = before the second attempt): <c>Initial · Factor^(n−1)</c>, capped at <c>Max</c>, then
/// spread by ±<c>Jitter</c> (a fraction of it) so that many clients that failed together do not retry together.
/// </summary>
/// <exception cref="ArgumentOutOfRangeException">A non-positive delay or factor below 1, or a jitter outside [0, 1).</exception>
public sealed record BackoffSchedule
{
    public BackoffSchedule(TimeSpan initial, TimeSpan max, double factor, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (jitter is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "a fraction in [0, 1)");
        (Initial, Max, Factor, Jitter) = (initial, max, factor, jitter);
    }

    public TimeSpan Initial { get; }
    public TimeSpan Max { get; }
    public double Factor { get; }
    public double Jitter { get; }

    /// <summary>Grain calls: 0.1 s, 0.2 s, 0.4 s ... up to 2 s, ±20 %.</summary>
    public static BackoffSchedule Calls { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), 2, 0.2);

    /// <summary>Connecting to a cluster: 0.25 s, 0.5 s, 1 s ... up to 4 s, ±30 % (many clients start at once).</summary>
    public static BackoffSchedule Connect { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4), 2, 0.3);

    /// <summary>The undisturbed delay before retry <paramref name="retry"/> (no jitter).</summary>
    public TimeSpan Nominal(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, MaxExponent); // past the cap the value no longer matters; keeps Pow finite
        var milliseconds = Initial.TotalMilliseconds * Math.Pow(Factor, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, Max.TotalMilliseconds));
    }

    /// <param name="retry">1 for the wait before the second attempt.</param>
    /// <param name="draw">Uniform in [0, 1) (e.g. <c>Random.Shared.NextDouble()</c>); 0.5 gives the nominal delay.</param>
    public TimeSpan Delay(int retry, double draw)
    {
        if (draw is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(draw), draw, "a draw in [0, 1)");
        var spread = 1 + Jitter * (2 * draw - 1);
        return TimeSpan.FromMilliseconds(Nominal(retry).TotalMilliseconds * spread);
    }

    private const int MaxExponent = 60;
}
