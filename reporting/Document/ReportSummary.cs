// The report's summary as words, built once for every format: the sweep's name, id, state and metric, its trial
// counts, when it was created and finished, its elapsed and compute time and its best trial. Each writer arranges
// these lines its own way (a banner line, a bullet list, a page heading); none re-derives them.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>The summary's words.</summary>
/// <param name="Name">The sweep's name (user words).</param>
/// <param name="SweepId">Its id (code).</param>
/// <param name="Status">Its state ("running").</param>
/// <param name="Metric">The ranking metric and its goal ("val_accuracy (maximize)", code).</param>
/// <param name="TotalTrials">How many trials it has ("27").</param>
/// <param name="Trials">The same with its noun ("27 trials", "1 trial").</param>
/// <param name="StatusCounts">Its trials by status ("19 completed, 4 diverged").</param>
/// <param name="Created">When it was created.</param>
/// <param name="Finished">When it finished; null while it runs.</param>
/// <param name="Times">Its elapsed and compute time.</param>
/// <param name="BestTrial">Its best trial, described ("trial 12 (…): val_accuracy 0.9731").</param>
/// <param name="BestTrialLine">The same as a labelled line ("Best trial: trial 12 (…): val_accuracy 0.9731").</param>
public sealed record ReportSummary(
    string Name, string SweepId, string Status, string Metric, string TotalTrials, string Trials, string StatusCounts,
    string Created, string? Finished, string Times, string BestTrial, string BestTrialLine)
{
    public static ReportSummary Of(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = report.Header;
        return new ReportSummary(header.Name, header.SweepId, ReportText.Name(header.Status), ReportText.Metric(header.Metric),
            ReportText.Integer(header.TotalTrials), Plural.Of(header.TotalTrials, "trial"), ReportText.StatusCounts(header), ReportText.Timestamp(header.CreatedAt),
            header.FinishedAt is { } finished ? ReportText.Timestamp(finished) : null, ReportWords.Times(header),
            ReportWords.BestTrialDescription(report), ReportWords.BestTrialLine(report));
    }
}
