// Waits for a condition that another thread or a background loop makes true, polling it, with a generous deadline:
// a deadline that fails a test means "never happened", not "too slow" (no timing assertions).
namespace SweepCluster.Store.Tests.Support;

public static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with <paramref name="what"/> at the deadline.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"never happened within {Deadline.TotalSeconds} s: {what}");
            await Task.Delay(Poll);
        }
    }
}
