// The mean regret of one method on one dataset over many replays, read at fixed numbers of trials and of epochs: the
// record both sides of the benchmark print (the same JSON shape as bench/optuna/table_replay.py's results).
using System.Text.Json.Serialization;

namespace SweepCluster.Tabular.Replay;

/// <summary>Mean regret over <see cref="Runs"/> replays of <see cref="Method"/> on <see cref="Dataset"/>, with the
/// standard error of the mean regret at the epoch budget (<see cref="FinalRegretSem"/>) to judge agreement by.</summary>
public sealed record RegretSummary(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("regret_by_trials")] IReadOnlyDictionary<string, double> RegretByTrials,
    [property: JsonPropertyName("regret_by_epochs")] IReadOnlyDictionary<string, double> RegretByEpochs,
    [property: JsonPropertyName("final_regret_sem")] double FinalRegretSem,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    /// <summary>Numbers of finished trials the regret is read at.</summary>
    public static readonly IReadOnlyList<int> TrialMarks = [5, 10, 25, 50, 100];

    /// <summary>Epochs spent the regret is read at (27 = one full-budget trial); the last is the default budget.</summary>
    public static readonly IReadOnlyList<long> EpochMarks = [27, 135, 270, 675, 1350];

    /// <summary>Digits kept in the printed means.</summary>
    private const int Digits = 6;

    /// <summary>The mean regret of <paramref name="results"/> at every mark up to <paramref name="epochBudget"/>.</summary>
    public static RegretSummary Of(string method, string dataset, IReadOnlyList<ReplayResult> results, long epochBudget, double seconds) => new(
        method, dataset, results.Count,
        TrialMarks.ToDictionary(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture), k => Math.Round(results.Average(r => r.RegretAfterTrials(k)), Digits)),
        EpochMarks.Where(e => e <= epochBudget)
            .ToDictionary(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture), e => Math.Round(results.Average(r => r.RegretAfterEpochs(e)), Digits)),
        Math.Round(StandardError(results.Select(r => r.RegretAfterEpochs(epochBudget)).ToArray()), Digits),
        Math.Round(seconds, 3));

    /// <summary>The standard error of the mean of <paramref name="values"/> (0 for fewer than two).</summary>
    private static double StandardError(double[] values)
    {
        if (values.Length < 2) return 0;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return Math.Sqrt(variance / values.Length);
    }
}
