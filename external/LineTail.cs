// The last lines of a stream (a trainer's stderr), kept for the failure message. Thread-safe: the stderr reader adds
// while the runner may already read.
namespace SweepCluster.External;

internal sealed class LineTail(int capacity)
{
    private readonly Queue<string> lines = new(capacity);
    private readonly Lock gate = new();

    public void Add(string line)
    {
        lock (gate)
        {
            if (lines.Count == capacity) lines.Dequeue();
            lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (gate) return [.. lines];
    }
}
