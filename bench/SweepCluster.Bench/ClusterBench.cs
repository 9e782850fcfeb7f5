// What the cluster benchmarks (sweep, overhead, latency) share: an embedded silo, submitting a spec file and timing it
// to the report in hand, the load average, and the Optuna subprocess timed from outside.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Hosting;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Bench;

public static class ClusterBench
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static int _sequence;

    /// <summary>The 1-minute load average (/proc/loadavg), or NaN where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    public static string Load() => LoadAverage().ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The header every cluster mode prints: what was run and the load it was run under.</summary>
    public static void PrintHeader(string mode, string arguments)
    {
        Console.WriteLine($"reproduce: dotnet run -c Release --project bench/SweepCluster.Bench -- {mode}{(arguments.Length > 0 ? " " + arguments : "")}");
        Console.WriteLine($"load average at start: {Load()} (1 min), {Environment.ProcessorCount} processors, .NET {Environment.Version}");
    }

    public static string SpecPath(string name) => Path.Combine(TorchProcess.RepositoryRoot(), "bench", "specs", name);

    /// <summary>A fresh sweep id for this process.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Environment.ProcessId}-{Interlocked.Increment(ref _sequence)}";

    /// <summary>One sweep timed from SubmitAsync to the report JSON in hand.</summary>
    /// <param name="ReportSeconds">The GetReportAsync call alone (the report is built on demand from the coordinator's state).</param>
    public sealed record TimedSweep(string SweepId, double Seconds, SweepReport Report, SweepProgress Progress, int Polls, double ReportSeconds);

    /// <summary>
    /// A spec file as `sweep submit` reads it: validated (not against its data, which the silos check) and packed with
    /// what the coordinator needs to read it the same way.
    /// </summary>
    public static (SweepSubmission Submission, SweepSpec Spec) ReadSpec(string specFile, bool allowLarge = false)
    {
        var full = Path.GetFullPath(specFile);
        var spec = SweepSpecLoader.Load(full, allowLarge);
        var submission = new SweepSubmission(File.ReadAllText(full), full, Path.GetDirectoryName(full),
            IsJson: SpecDocument.FormatOf(full) == SpecFormat.Json, AllowLarge: allowLarge);
        return (submission, spec);
    }

    /// <summary>Submits <paramref name="specFile"/>, polls its progress until every trial is finished, fetches the report.</summary>
    public static Task<TimedSweep> RunSweepAsync(EmbeddedCluster cluster, string specFile, string idPrefix) =>
        RunSweepAsync(cluster.Grains, ReadSpec(specFile).Submission, idPrefix);

    /// <summary>The same, for any cluster (e.g. a remote one through a client connection) and a submission in hand.</summary>
    public static async Task<TimedSweep> RunSweepAsync(IGrainFactory grains, SweepSubmission submission, string idPrefix)
    {
        var id = NewId(idPrefix);
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(id);
        var timer = Stopwatch.StartNew();
        var submitted = await coordinator.SubmitAsync(submission);
        if (submitted.Outcome != SubmitOutcome.Created) throw new InvalidOperationException($"{submission.SourceName}: {submitted.Outcome}: {string.Join("; ", submitted.Errors)}");
        var polls = 0;
        SweepProgress progress;
        while (true)
        {
            progress = await coordinator.GetProgressAsync() ?? throw new InvalidOperationException($"sweep {id} disappeared");
            polls++;
            if (progress.IsOver) break;
            await Task.Delay(PollInterval);
        }
        var reportStart = Stopwatch.GetTimestamp();
        var report = await coordinator.GetReportAsync() ?? throw new InvalidOperationException($"sweep {id} has no report");
        timer.Stop();
        return new TimedSweep(id, timer.Elapsed.TotalSeconds, report, progress, polls, Stopwatch.GetElapsedTime(reportStart).TotalSeconds);
    }

    /// <summary>The best final value of the sweep metric over every completed trial (from the report's family summaries).</summary>
    public static double? BestTrialMetric(SweepReport report)
    {
        var values = report.Families.SelectMany(f => f.Values).ToArray();
        if (values.Length == 0) return report.BestTrial?.Metric;
        return report.Header.Metric.Goal == MetricGoal.Maximize ? values.Max() : values.Min();
    }

    /// <summary>Runs a bench/optuna script like TorchProcess does, timing the whole subprocess from here.</summary>
    public static (JsonElement? Result, string Note, double WallSeconds) RunOptuna(string script, params string[] arguments)
    {
        var path = Path.Combine(TorchProcess.RepositoryRoot(), "bench", "optuna", script);
        var timer = Stopwatch.StartNew();
        var (result, note) = TorchProcess.Run(path, arguments);
        timer.Stop();
        return (result, note.Replace("torch:", "optuna:", StringComparison.Ordinal), timer.Elapsed.TotalSeconds);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    /// <summary>The text after <paramref name="name"/>, e.g. <c>--out bench/tables</c>.</summary>
    public static string StringOption(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static double DoubleOption(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    /// <summary>A comma-separated list of integers, e.g. <c>--seeds 21,22,23</c>.</summary>
    public static int[] IntListOption(string[] args, string name, int[] fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0 || i + 1 >= args.Length) return fallback;
        var values = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values.All(v => int.TryParse(v, CultureInfo.InvariantCulture, out _))
            ? values.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
    }

    public static bool Flag(string[] args, string name) => args.Contains(name);
}
