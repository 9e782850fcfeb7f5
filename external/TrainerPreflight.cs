// The checks made before a trainer starts: its working directory exists, and its program can be found and run. A
// trainer that fails these would fail the same way on every retry, so they get their own ends and clear messages.
// Resolving the program here (rather than leaving it to Process.Start) also fixes what a relative program means:
// relative to the working directory, as `cd workdir && ./train.sh` would, not to the silo's current directory.
namespace SweepCluster.External;

internal static class TrainerPreflight
{
    /// <summary>What the checks found: the full paths to start with, or why the trainer cannot start.</summary>
    internal sealed record Result(string? Program, string WorkingDirectory, ExternalTrialEnd? Refusal, string? Problem);

    public static Result Check(ExternalTrainerCommand command)
    {
        var workingDirectory = Path.GetFullPath(command.WorkingDirectory);
        if (!Directory.Exists(workingDirectory))
            return new(null, workingDirectory, ExternalTrialEnd.WorkdirMissing, $"its working directory {workingDirectory} does not exist");

        var program = command.Argv[0];
        if (program.Contains('/'))
        {
            var path = Path.GetFullPath(program, workingDirectory);
            var problem = WhyNotRunnable(path);
            return problem is null
                ? new(path, workingDirectory, null, null)
                : new(null, workingDirectory, ExternalTrialEnd.CommandNotFound, $"its program {program} ({path}) {problem}");
        }

        var searchPath = command.Environment.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(Path.GetFullPath(directory, workingDirectory), program);
            if (WhyNotRunnable(candidate) is null) return new(candidate, workingDirectory, null, null);
        }
        return new(null, workingDirectory, ExternalTrialEnd.CommandNotFound,
            $"its program {program} is not found on PATH (or is not executable there)");
    }

    /// <summary>Null when <paramref name="path"/> is a file that may be executed; else what is wrong, as a predicate.</summary>
    private static string? WhyNotRunnable(string path)
    {
        if (Directory.Exists(path)) return "is a directory";
        if (!File.Exists(path)) return "does not exist";
        if (OperatingSystem.IsWindows()) return null;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) == 0 ? "is not executable (chmod +x, or start it through its interpreter)" : null;
    }
}

/// <summary>Whether a trainer can start on this machine, checked before a sweep is sent to run here.</summary>
public static class TrainerCheck
{
    /// <summary>Null when <paramref name="command"/>'s working directory exists and its program can be run; else why not,
    /// e.g. "its program python4 is not found on PATH (or is not executable there)".</summary>
    public static string? Problem(ExternalTrainerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TrainerPreflight.Check(command).Problem;
    }

    /// <summary>Whether <see cref="Problem"/> is about the working directory (else about the program).</summary>
    public static bool IsAboutWorkdir(ExternalTrainerCommand command) =>
        TrainerPreflight.Check(command).Refusal == ExternalTrialEnd.WorkdirMissing;
}
