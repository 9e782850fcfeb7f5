// A trial trained by the user's own program instead of the built-in engine (the spec's `trainer:` key): the command
// to start, where, with which extra environment, and how long it may take. Plain data; the silo's external executor
// starts the process and speaks the protocol with it (docs/external-trainers.md).
namespace SweepCluster.Core.Specs;

/// <summary>An external trainer: a command run once per trial attempt.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.ExternalTrainerSpec")]
public sealed record ExternalTrainerSpec
{
    /// <summary>The grace a stopped trainer gets between SIGTERM and SIGKILL when the spec does not say.</summary>
    public const double DefaultStopGraceSeconds = 10;

    /// <summary>The program and its arguments, started without a shell.</summary>
    [Id(0)] public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The working directory as written (relative: to the spec file's folder); null: that folder.</summary>
    [Id(1)] public string? Workdir { get; init; }

    /// <summary>Extra environment variables, in file order.</summary>
    [Id(2)] public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>The most one attempt may run, whole process; null: no limit.</summary>
    [Id(3)] public double? TimeoutSeconds { get; init; }

    /// <summary>Seconds between SIGTERM and SIGKILL when a trial is stopped, paused or moved.</summary>
    [Id(4)] public double StopGraceSeconds { get; init; } = DefaultStopGraceSeconds;

    public bool Equals(ExternalTrainerSpec? other) =>
        other is not null && Command.SequenceEqual(other.Command) && Workdir == other.Workdir
        && Env.Count == other.Env.Count && Env.All(pair => other.Env.TryGetValue(pair.Key, out var value) && value == pair.Value)
        && TimeoutSeconds == other.TimeoutSeconds && StopGraceSeconds == other.StopGraceSeconds;

    public override int GetHashCode() => HashCode.Combine(string.Join('\0', Command), Workdir, TimeoutSeconds, StopGraceSeconds);
}
