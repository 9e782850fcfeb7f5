// The mean regret of one method on one dataset over many replays, read at fixed numbers of trials and of epochs, and
// as dense curves for plots: the record both sides of the benchmark print (the same JSON shape as
// bench/optuna/table_replay.py's results).
using System.Globalization;
using System.Text.Json.Serialization;

namespace SweepCluster.Tabular.Replay;

/// <summary>Mean regret over <see cref="Runs"/> replays of <see cref="Method"/> on <see cref="Dataset"/>, with the
/// standard error of the mean regret at the epoch budget (<see cref="FinalRegretSem"/>) to judge agreement by.</summary>
/// <param name="CurveByTrials">The mean regret after 1, 2, … <see cref="TrialMarks"/>[^1] finished trials (null when left out).</param>
/// <param name="CurveByEpochs">The mean regret after every <see cref="CurveEpochStep"/> epochs up to the budget.</param>
public sealed record RegretSummary(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("regret_by_trials")] IReadOnlyDictionary<string, double> RegretByTrials,
    [property: JsonPropertyName("regret_by_epochs")] IReadOnlyDictionary<string, double> RegretByEpochs,
    [property: JsonPropertyName("final_regret_sem")] double FinalRegretSem,
    [property: JsonPropertyName("curve_by_trials"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? CurveByTrials,
    [property: JsonPropertyName("curve_by_epochs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? CurveByEpochs,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    /// <summary>Numbers of finished trials the regret is read at.</summary>
    public static readonly IReadOnlyList<int> TrialMarks = [5, 10, 25, 50, 100];

    /// <summary>Epochs spent the regret is read at (27 = one full-budget trial); the last is the default budget
    /// (100 full trials, so that the regret at 100 trials of a method without early stopping is measured).</summary>
    public static readonly IReadOnlyList<long> EpochMarks = [27, 135, 270, 675, 1350, 2700];

    /// <summary>The spacing of <see cref="CurveByEpochs"/>: one full trial of the schedule table.</summary>
    public const int CurveEpochStep = 27;

    /// <summary>Digits kept in the printed means.</summary>
    private const int Digits = 6;

    /// <summary>The mean regret of <paramref name="results"/> at every mark up to <paramref name="epochBudget"/>.</summary>
    public static RegretSummary Of(string method, string dataset, IReadOnlyList<ReplayResult> results, long epochBudget, double seconds) => new(
        method, dataset, results.Count,
        TrialMarks.ToDictionary(k => k.ToString(CultureInfo.InvariantCulture), k => Mean(results, r => r.RegretAfterTrials(k))),
        EpochMarks.Where(e => e <= epochBudget).ToDictionary(e => e.ToString(CultureInfo.InvariantCulture), e => Mean(results, r => r.RegretAfterEpochs(e))),
        Math.Round(StandardError(results.Select(r => r.RegretAfterEpochs(epochBudget)).ToArray()), Digits),
        Enumerable.Range(1, TrialMarks[^1]).Select(k => Mean(results, r => r.RegretAfterTrials(k))).ToArray(),
        Enumerable.Range(1, (int)(epochBudget / CurveEpochStep)).Select(i => Mean(results, r => r.RegretAfterEpochs((long)i * CurveEpochStep))).ToArray(),
        Math.Round(seconds, 3));

    /// <summary>The same summary without its dense curves (what the terminal shows; files keep them).</summary>
    public RegretSummary WithoutCurves() => this with { CurveByTrials = null, CurveByEpochs = null };

    private static double Mean(IReadOnlyList<ReplayResult> results, Func<ReplayResult, double> regret) => Math.Round(results.Average(regret), Digits);

    /// <summary>The standard error of the mean of <paramref name="values"/> (0 for fewer than two).</summary>
    private static double StandardError(double[] values)
    {
        if (values.Length < 2) return 0;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return Math.Sqrt(variance / values.Length);
    }
}
