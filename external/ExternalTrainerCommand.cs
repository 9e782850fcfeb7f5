// How to start one external trainer: the argv (no shell), its working directory, extra environment, the whole-process
// timeout and the stop grace. Validated on construction; the spec binder resolves relative paths before it gets here.
namespace SweepCluster.External;

/// <summary>The command of an external trainer, as a sweep spec's <c>trainer:</c> block names it.</summary>
public sealed record ExternalTrainerCommand
{
    /// <summary>The grace between SIGTERM and SIGKILL when a trial is stopped or times out, unless set.</summary>
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(10);

    /// <summary>The program and its arguments, started without a shell. The program is looked up on PATH when it has
    /// no '/', else taken relative to <see cref="WorkingDirectory"/>.</summary>
    /// <exception cref="ArgumentException">Empty, or the program is empty.</exception>
    public required IReadOnlyList<string> Argv
    {
        get;
        init => field = value is { Count: > 0 } && !string.IsNullOrWhiteSpace(value[0])
            ? value
            : throw new ArgumentException("an external trainer's command needs at least the program to run", nameof(Argv));
    }

    /// <summary>The directory the trainer starts in.</summary>
    /// <exception cref="ArgumentException">Empty.</exception>
    public required string WorkingDirectory
    {
        get;
        init => field = !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException("an external trainer's working directory must not be empty", nameof(WorkingDirectory));
    }

    /// <summary>Variables added to the inherited environment (SWEEPCLUSTER_TRIAL is always set by the runner).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The longest the whole process may run; null for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public TimeSpan? Timeout
    {
        get;
        init => field = value is null || value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Timeout), value, "a trainer's timeout must be positive");
    }

    /// <summary>How long a stopped trainer may take to exit after SIGTERM before it and its children get SIGKILL.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan StopGrace
    {
        get;
        init => field = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StopGrace), value, "a trainer's stop grace must not be negative");
    } = DefaultStopGrace;
}
