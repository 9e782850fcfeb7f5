// The store's entry point: opens (and creates or migrates) a SQLite file or a PostgreSQL database, then reads and
// writes the study tables and hands out the grain-state table and batching writers. One instance per process and
// store is enough: it is thread-safe and pools its connections; dispose it to close them.
using SweepCluster.Core;
using SweepCluster.Core.TrialPages;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.GrainState;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;
using SweepCluster.Store.Study;

namespace SweepCluster.Store;

/// <summary>A SweepCluster store: the study tables and the grain state.</summary>
public sealed class StudyStore : IAsyncDisposable
{
    private readonly IStoreDialect _dialect;
    private readonly HyperparameterSchema _hyperparameters;
    private readonly SweepTable _sweeps;
    private readonly TrialTable _trials;
    private readonly EpochTable _epochs;
    private readonly TrialCountsQuery _trialCounts;
    private readonly TrialPageReader _trialPages;

    private StudyStore(IStoreDialect dialect, int schemaVersion)
    {
        _dialect = dialect;
        SchemaVersion = schemaVersion;
        _hyperparameters = new HyperparameterSchema(dialect);
        _sweeps = new SweepTable(dialect);
        _trials = new TrialTable(dialect, _hyperparameters);
        _epochs = new EpochTable(dialect);
        _trialCounts = new TrialCountsQuery(dialect);
        _trialPages = new TrialPageReader(dialect);
        GrainState = new GrainStateTable(dialect);
    }

    /// <summary>How messages name the store: "SQLite store /abs/path.db" or "PostgreSQL store user@host:port/db".</summary>
    public string Name => _dialect.StoreName;

    /// <summary>The store's schema version (this program's, once opened).</summary>
    public int SchemaVersion { get; }

    /// <summary>Orleans grain state, in the same file or database.</summary>
    public GrainStateTable GrainState { get; }

    /// <summary>Opens the store at <paramref name="location"/>, creating it in an empty file or database and upgrading an older one.</summary>
    /// <exception cref="StoreException">Corrupt, locked, not a store, a newer schema, unreachable, refused credentials, ...</exception>
    public static Task<StudyStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken = default) =>
        OpenAsync(location, SchemaMigrator.Default, cancellationToken);

    /// <summary>Opens an existing store only to read it: nothing is created, migrated or changed (a SQLite file is opened
    /// read-only, and a missing one is not created, nor its folder; PostgreSQL sessions are read-only). A write through
    /// it fails with a <see cref="StoreException"/>.</summary>
    /// <exception cref="StoreException">Not found, empty or not a store, an older or newer schema, corrupt, unreachable, ...</exception>
    public static async Task<StudyStore> OpenForReadingAsync(StoreLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location is SqliteStoreLocation file && !File.Exists(file.Path)) throw StoreErrors.NotFound(file.ToString());
        var dialect = StoreDialects.Create(location, StoreAccess.ReadOnly);
        try
        {
            var version = await SchemaMigrator.Default.CheckAsync(dialect, cancellationToken);
            return new StudyStore(dialect, version);
        }
        catch
        {
            await dialect.DisposeAsync();
            throw;
        }
    }

    internal static async Task<StudyStore> OpenAsync(StoreLocation location, SchemaMigrator migrator, CancellationToken cancellationToken)
    {
        var dialect = StoreDialects.Create(location);
        try
        {
            var version = await migrator.MigrateAsync(dialect, cancellationToken);
            return new StudyStore(dialect, version);
        }
        catch
        {
            await dialect.DisposeAsync();
            throw;
        }
    }

    /// <summary>Inserts the sweep or replaces its row (its trials and epochs are kept).</summary>
    public Task UpsertSweepAsync(SweepRow sweep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return _sweeps.UpsertAsync(sweep, cancellationToken);
    }

    /// <summary>Sets a sweep's status and end time; false when there is no such sweep.</summary>
    public Task<bool> SetSweepStatusAsync(string id, SweepStatus status, DateTimeOffset? finished, CancellationToken cancellationToken = default) =>
        _sweeps.SetStatusAsync(id, status, finished, cancellationToken);

    /// <summary>Removes a sweep with all its trials, epochs and column list; false when there was no such sweep.
    /// Rows of it that a writer still holds are dropped when they arrive.</summary>
    public Task<bool> DeleteSweepAsync(string id, CancellationToken cancellationToken = default) =>
        _sweeps.DeleteAsync(id, cancellationToken);

    /// <summary>Every sweep, newest first.</summary>
    public Task<IReadOnlyList<SweepRow>> ListSweepsAsync(CancellationToken cancellationToken = default) =>
        _sweeps.ListAsync(cancellationToken);

    /// <summary>One sweep; null when there is no such sweep.</summary>
    public Task<SweepRow?> GetSweepAsync(string id, CancellationToken cancellationToken = default) =>
        _sweeps.GetAsync(id, cancellationToken);

    /// <summary>Every sweep's trial counts and best completed metric (sweeps without trial rows are left out).</summary>
    public Task<IReadOnlyList<TrialCounts>> CountTrialsAsync(CancellationToken cancellationToken = default) =>
        _trialCounts.ReadAsync(cancellationToken);

    /// <summary>The sweep's hyperparameter columns, in the order it first wrote them.</summary>
    public Task<IReadOnlyList<HyperparameterColumn>> GetHyperparameterColumnsAsync(string sweep, CancellationToken cancellationToken = default) =>
        _dialect.RunAsync(connection => HyperparameterSchema.ReadAsync(_dialect, connection, null, sweep, cancellationToken), cancellationToken);

    /// <summary>The sweep's trials in index order, each with the sweep's hyperparameter columns that hold a value.</summary>
    public Task<IReadOnlyList<TrialRow>> ReadTrialsAsync(string sweep, CancellationToken cancellationToken = default) =>
        _trials.ReadAsync(sweep, cancellationToken);

    /// <summary>The sweep's epochs (or only trial <paramref name="trial"/>'s), by trial then epoch.</summary>
    public Task<IReadOnlyList<EpochRow>> ReadEpochsAsync(string sweep, int? trial = null, CancellationToken cancellationToken = default) =>
        _epochs.ReadAsync(sweep, trial, cancellationToken);

    /// <summary>One page of the sweep's trials, sorted and filtered as <paramref name="query"/> asks, with each trial's
    /// newest recorded epoch and metric (running trials too) and the sweep's total and filtered trial counts; null
    /// when there is no such sweep.</summary>
    /// <exception cref="TrialQueryException">An offset below 0, a limit outside 1 to <see cref="TrialPageQuery.MaxLimit"/>,
    /// a text filter longer than <see cref="TrialPageQuery.MaxTextLength"/>, a column the sweep does not have, or a
    /// range over a text column; its ParamName is the request parameter.</exception>
    public async Task<TrialPage?> QueryTrialsAsync(string sweep, TrialPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        TrialPageQueryCheck.Check(query);
        if (await _sweeps.GetAsync(sweep, cancellationToken) is not { } row) return null;
        return await _trialPages.ReadAsync(row, query, cancellationToken);
    }

    /// <summary>One trial's epochs as its learning curve (the sweep's metric and the losses); null when there is no such
    /// sweep or trial. A trial that has not finished an epoch yet has an empty history.</summary>
    public async Task<TrialHistory?> ReadTrialHistoryAsync(string sweep, int trial, CancellationToken cancellationToken = default)
    {
        if (await _sweeps.GetAsync(sweep, cancellationToken) is not { } row) return null;
        if (!await _trialPages.HasTrialAsync(sweep, trial, cancellationToken)) return null;
        var epochs = await _epochs.ReadAsync(sweep, trial, cancellationToken);
        return TrialHistory.Of(sweep, trial, row.Metric, epochs.Select(epoch => epoch.Record));
    }

    /// <summary>Upserts trial rows (by sweep and trial) and epoch rows (by sweep, trial and epoch) in one transaction.
    /// New hyperparameter columns are added to the trials table first. Rows of a sweep that is not in the store are
    /// skipped (counted in the result).</summary>
    /// <exception cref="ArgumentException">A hyperparameter column named like a fixed trials column, given twice in a
    /// row, given with two types, or that the engine cannot name.</exception>
    public async Task<StudyWriteResult> WriteAsync(
        IReadOnlyCollection<TrialRow> trials, IReadOnlyCollection<EpochRow> epochs, CancellationToken cancellationToken = default)
    {
        Validate(trials, epochs);
        if (trials.Count + epochs.Count == 0) return StudyWriteResult.None;
        await _hyperparameters.EnsureColumnsAsync(TrialTable.ColumnsOf(trials), cancellationToken);
        return await _dialect.WriteAsync(async (connection, transaction) =>
        {
            await SweepRowLocks.LockAsync(_dialect, connection, transaction,
                trials.Select(trial => trial.Sweep).Concat(epochs.Select(epoch => epoch.Sweep)), cancellationToken);
            var written = await _trials.WriteAsync(connection, transaction, trials, cancellationToken)
                          + await _epochs.WriteAsync(connection, transaction, epochs, cancellationToken);
            return new StudyWriteResult(written, trials.Count + epochs.Count - written);
        }, cancellationToken);
    }

    /// <summary>A batching writer over this store; dispose it (before the store) to write what it still holds.</summary>
    public StudyWriter CreateWriter(StudyWriterOptions? options = null) => new(this, options ?? new StudyWriterOptions());

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    internal void Validate(IEnumerable<TrialRow> trials, IEnumerable<EpochRow> epochs) => RowValidation.Check(_dialect, trials, epochs);
}
