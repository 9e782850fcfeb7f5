// A simulated silo: an endpoint, a generation (a restarted silo comes back at the same endpoint under a new key, as an
// Orleans silo address does), and its training slots, taken first come first served by the runs placed on it.
namespace SweepCluster.Coordination.Tests.Simulation;

internal sealed class Silo(int number, int slots)
{
    private readonly List<TrialRun> _waiting = [];
    private readonly HashSet<TrialRun> _holders = [];

    public string Endpoint { get; } = $"10.0.0.{number}:11111";
    public int Generation { get; private set; } = 1;
    public int Slots { get; } = slots;
    public bool Live { get; private set; } = true;

    /// <summary>The key the coordinator places by (ordinal order = Orleans' parsable silo address order, enough here).</summary>
    public string Key => $"{Endpoint}@{Generation}";

    public int Busy => _holders.Count;
    public IReadOnlyCollection<TrialRun> Holders => _holders;

    public LiveSilo ToLive() => new(Key, Endpoint, Slots);

    public void Wait(TrialRun run) => _waiting.Add(run);

    /// <summary>Whether <paramref name="run"/> may take a slot now: one is free and no run waited longer.</summary>
    public bool CanAcquire(TrialRun run) => _holders.Count < Slots && _waiting.Count > 0 && ReferenceEquals(_waiting[0], run);

    public void Acquire(TrialRun run)
    {
        _waiting.Remove(run);
        _holders.Add(run);
    }

    /// <summary>The run ended (or stopped waiting): its slot, or its place in the queue, is given up.</summary>
    public void Leave(TrialRun run)
    {
        _waiting.Remove(run);
        _holders.Remove(run);
    }

    /// <summary>The process dies: every run on it vanishes with it.</summary>
    public void Kill()
    {
        Live = false;
        _waiting.Clear();
        _holders.Clear();
    }

    public void Restart()
    {
        Live = true;
        Generation++;
    }
}
