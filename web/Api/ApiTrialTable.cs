// GET /api/sweeps/{id}/trials's document: the sweep's trials table exactly as `sweep trials ID --format json` prints it
// and a report folder's trials.csv holds it (one object per trial: trial, combination, seed, status, final_metric,
// best_metric, best_epoch, epochs_run, ..., then one key per searched value such as "learning_rate.initial"), with one
// column more, "error": the error (failed) or reason (diverged) the sweep's report lists for the trial, else null.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Web.Api;

public static class ApiTrialTable
{
    /// <summary>The column added to the trials table.</summary>
    public const string ErrorColumn = "error";

    /// <summary>The trials table with <see cref="ErrorColumn"/> last, filled from <paramref name="failures"/> by trial index.</summary>
    /// <exception cref="ArgumentException">The table has no "trial" column.</exception>
    public static RunTable WithErrors(RunTable trials, IReadOnlyList<FailureEntry> failures)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(failures);
        var trial = trials.Columns.Select(c => c.Name).ToList().IndexOf(TrialColumns.Trial);
        if (trial < 0) throw new ArgumentException($"a trials table has a '{TrialColumns.Trial}' column", nameof(trials));
        var errors = failures.Where(f => f.Error is not null).ToDictionary(f => (long)f.Index, f => f.Error);
        return new RunTable([.. trials.Columns, new RunColumn(ErrorColumn, RunValueType.Text)],
            trials.Rows.Select(row => (IReadOnlyList<object?>)[.. row, row[trial] is long index ? errors.GetValueOrDefault(index) : null]).ToArray());
    }

    /// <summary>The JSON array of <see cref="WithErrors"/>, as <see cref="RunTableJson"/> writes any run table.</summary>
    public static string Render(RunTable trials, IReadOnlyList<FailureEntry> failures) => RunTableJson.Render(WithErrors(trials, failures));
}
