// Reads sweeps from the cluster for the web pages: the index, each sweep's progress (an interleaving call), and its
// report. A report is built only when the progress changed since the last build, so pages polling every second cost
// the coordinator one cheap progress call each. Where the grains keep their state in the store (IStoredSweepReports),
// reports are built from the store on this host's threads, with the coordinator out of the read path; otherwise the
// coordinator builds them. The live page's report is rebuilt as LiveReportPolicy allows, one build per sweep at a
// time, and rendered once per build; while a rebuild runs, the page keeps showing the last report.
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
/// <param name="stored">The store's reports; null when the grains keep their state elsewhere.</param>
public sealed class SweepReader(IGrainFactory grains, IStoredSweepReports? stored = null)
{
    /// <summary>The most recent sweeps the list shows.</summary>
    public const int MaxListed = 100;

    /// <summary>Reports kept before the cache is emptied (one per sweep being watched).</summary>
    private const int MaxCachedReports = 64;

    private readonly ConcurrentDictionary<string, CachedReport> _reports = new();

    /// <summary>The live report being built, per sweep (at most one build each).</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedLiveReport?>>> _building = new();

    private LiveReportSource Source => stored is null ? LiveReportSource.Coordinator : LiveReportSource.Store;

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

    /// <summary>The sweep's report as of <paramref name="progress"/> (built again only when the progress changed).</summary>
    public async Task<SweepReport?> ReportAsync(SweepProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var fingerprint = Fingerprint(progress);
        if (_reports.TryGetValue(progress.SweepId, out var cached) && cached.Fingerprint == fingerprint) return cached.Report;
        var report = (stored is null ? null : await stored.ReadReportAsync(progress.SweepId))
                     ?? await grains.GetGrain<ISweepCoordinatorGrain>(progress.SweepId).GetReportAsync();
        if (report is null) return null;
        Remember(progress.SweepId, new CachedReport(fingerprint, report, DateTimeOffset.UtcNow));
        return report;
    }

    /// <summary>The report the live page embeds as of <paramref name="progress"/>, rendered with its run tables: rebuilt
    /// only as <see cref="LiveReportPolicy"/> allows (else the last one built, also while a rebuild runs); null for a
    /// sweep too large for a coordinator-built live report, or while none can be built.</summary>
    public async Task<RenderedLiveReport?> LiveReportAsync(SweepProgress progress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var cached = _reports.GetValueOrDefault(progress.SweepId);
        var fingerprint = Fingerprint(progress);
        switch (LiveReportPolicy.Decide(Source, progress.TotalTrials, progress.IsOver, cached?.Fingerprint != fingerprint, cached?.BuiltAt, now))
        {
            case LiveReportDecision.Omit:
                return null;
            case LiveReportDecision.Reuse when cached!.Live is { } built:
                return built;
        }
        var build = _building.GetOrAdd(progress.SweepId, id => new Lazy<Task<RenderedLiveReport?>>(() => BuildLiveAsync(id, progress, fingerprint, now, cached?.Live)));
        // A running sweep's page may show the report a moment old; an ended sweep's final page waits for the new one.
        if (!progress.IsOver && !build.Value.IsCompleted && cached?.Live is { } previous) return previous;
        return await build.Value;
    }

    /// <summary>Builds, renders and caches the sweep's live report; <paramref name="previous"/> when none can be built.</summary>
    private async Task<RenderedLiveReport?> BuildLiveAsync(string sweepId, SweepProgress progress, string fingerprint, DateTimeOffset now, RenderedLiveReport? previous)
    {
        try
        {
            var live = await ReadLiveAsync(sweepId);
            if (live is null) return previous;
            var rendered = await Task.Run(() => RenderedLiveReport.Of(live));
            // A report behind the progress (rows of other silos not stored yet) is not kept as this progress's: the
            // next request builds again.
            var behind = progress.IsOver && !ReportCoverage.Covers(live.Report, progress);
            Remember(sweepId, new CachedReport(behind ? fingerprint + StaleMark : fingerprint, live.Report, now, rendered));
            return rendered;
        }
        finally
        {
            _building.TryRemove(sweepId, out _);
        }
    }

    /// <summary>The report and run tables from the store when it keeps the sweep's state, else from the coordinator and
    /// the catalog (read at the same time).</summary>
    private async Task<LiveReport?> ReadLiveAsync(string sweepId)
    {
        if (stored is not null && await stored.ReadAsync(sweepId) is { } fromStore) return fromStore;
        var reportCall = grains.GetGrain<ISweepCoordinatorGrain>(sweepId).GetReportAsync();
        var runsCall = grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).GetRunTablesAsync(sweepId);
        await Task.WhenAll(reportCall, runsCall);
        return reportCall.Result is { } report ? new LiveReport(report, runsCall.Result) : null;
    }

    private void Remember(string sweepId, CachedReport report)
    {
        if (_reports.Count >= MaxCachedReports) _reports.Clear();
        _reports[sweepId] = report;
    }

    /// <summary>Changes whenever anything the report shows can have changed.</summary>
    /// <summary>Appended to the fingerprint of a report that is behind its progress, so that it never matches.</summary>
    private const string StaleMark = "|behind";

    private static string Fingerprint(SweepProgress p) =>
        $"{p.Status}|{p.EpochsDone}|{string.Join(',', Enum.GetValues<TrialStatus>().Select(p.Count))}|{p.FinishedAt?.UtcTicks}";

    /// <param name="Live">The live page's rendered report; null when the cache holds a report file's report only.</param>
    private sealed record CachedReport(string Fingerprint, SweepReport Report, DateTimeOffset BuiltAt, RenderedLiveReport? Live = null);
}
