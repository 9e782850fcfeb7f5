// A trial this silo will not train, found before anything is allocated (today: its memory estimate is over the
// silo's budget of one trial). The attempt fails at once with this message instead of failing later at run time.
namespace SweepCluster.Grains.Trials;

/// <summary>This silo refuses the trial; the message says why and what would fit.</summary>
public sealed class TrialRefusedException(string message) : Exception(message);
