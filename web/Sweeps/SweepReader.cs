// Reads sweeps from the cluster for the web pages: the index, each sweep's progress (an interleaving call), and its
// report. A report is fetched from the coordinator only when the progress changed since the last fetch, so pages
// polling every second cost the coordinator one cheap progress call each; the live page's report is also rebuilt at
// most every few seconds, and never for a large sweep (LiveReportPolicy). It renders nothing.
using System.Collections.Concurrent;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Web.Sweeps;

/// <summary>The report the live page embeds, with the sweep's run tables for its per-trial charts (null when the
/// cluster keeps no study tables).</summary>
public sealed record LiveReport(SweepReport Report, SweepRunTables? Runs);

/// <summary>A sweep of the index with its progress (null when its coordinator has none yet).</summary>
public sealed record SweepRow(SweepListing Listing, SweepProgress? Progress);

/// <summary>Grain queries of the sweep pages, with a per-sweep report cache.</summary>
public sealed class SweepReader(IGrainFactory grains)
{
    /// <summary>The most recent sweeps the list shows.</summary>
    public const int MaxListed = 100;

    /// <summary>Reports kept before the cache is emptied (one per sweep being watched).</summary>
    private const int MaxCachedReports = 64;

    private readonly ConcurrentDictionary<string, CachedReport> _reports = new();

    /// <summary>The most recent sweeps, newest first, each with its progress.</summary>
    public async Task<IReadOnlyList<SweepRow>> ListAsync()
    {
        var listings = await grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        var recent = listings.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.SweepId, StringComparer.Ordinal).Take(MaxListed).ToArray();
        var progress = await Task.WhenAll(recent.Select(l => ProgressAsync(l.SweepId)));
        return recent.Zip(progress, (listing, p) => new SweepRow(listing, p)).ToArray();
    }

    /// <summary>The sweep's progress; null when no sweep has this id.</summary>
    public Task<SweepProgress?> ProgressAsync(string sweepId) => grains.GetGrain<ISweepCoordinatorGrain>(sweepId).GetProgressAsync();

    /// <summary>The sweep's report as of <paramref name="progress"/> (fetched again only when the progress changed).</summary>
    public async Task<SweepReport?> ReportAsync(SweepProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var fingerprint = Fingerprint(progress);
        if (_reports.TryGetValue(progress.SweepId, out var cached) && cached.Fingerprint == fingerprint) return cached.Report;
        var report = await grains.GetGrain<ISweepCoordinatorGrain>(progress.SweepId).GetReportAsync();
        if (report is null) return null;
        if (_reports.Count >= MaxCachedReports) _reports.Clear();
        _reports[progress.SweepId] = new CachedReport(fingerprint, report, DateTimeOffset.UtcNow);
        return report;
    }

    /// <summary>The report the live page embeds as of <paramref name="progress"/>, with the run tables read from the
    /// store at the same time: rebuilt only as <see cref="LiveReportPolicy"/> allows (else the last one built); null for
    /// a sweep too large for a live report.</summary>
    public async Task<LiveReport?> LiveReportAsync(SweepProgress progress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var cached = _reports.GetValueOrDefault(progress.SweepId);
        var fingerprint = Fingerprint(progress);
        switch (LiveReportPolicy.Decide(progress.TotalTrials, progress.IsOver, cached?.Fingerprint != fingerprint, cached?.BuiltAt, now))
        {
            case LiveReportDecision.Omit:
                return null;
            case LiveReportDecision.Reuse when cached!.Live is { } built:
                return built;
        }
        var reportCall = grains.GetGrain<ISweepCoordinatorGrain>(progress.SweepId).GetReportAsync();
        var runsCall = grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).GetRunTablesAsync(progress.SweepId);
        await Task.WhenAll(reportCall, runsCall);
        if (reportCall.Result is not { } report) return cached?.Live;
        if (_reports.Count >= MaxCachedReports) _reports.Clear();
        var live = new LiveReport(report, runsCall.Result);
        _reports[progress.SweepId] = new CachedReport(fingerprint, report, now, live);
        return live;
    }

    /// <summary>Changes whenever anything the report shows can have changed.</summary>
    private static string Fingerprint(SweepProgress p) =>
        $"{p.Status}|{p.EpochsDone}|{string.Join(',', Enum.GetValues<TrialStatus>().Select(p.Count))}|{p.FinishedAt?.UtcTicks}";

    /// <param name="Live">The live page's report with its run tables; null when the cache holds a report file's report only.</param>
    private sealed record CachedReport(string Fingerprint, SweepReport Report, DateTimeOffset BuiltAt, LiveReport? Live = null);
}
