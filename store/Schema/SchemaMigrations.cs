// Every schema version in order. The rule: a released version is never edited; a change is a new version appended
// here (ALTER TABLE, CREATE TABLE, data moves), which the migrator applies to older stores. A store whose version is
// higher than the last one here was written by a newer program and is refused (StoreErrorKind.NewerSchema).
using SweepCluster.Store.Dialects;

namespace SweepCluster.Store.Schema;

/// <summary>The schema's versions.</summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "sweeps, trials, epochs, sweep_hyperparameters, grain_state",
            dialect => new[]
            {
                SweepsTable.Definition,
                TrialsTable.Definition,
                EpochsTable.Definition,
                SweepHyperparametersTable.Definition,
                GrainStateTableSchema.Definition,
            }.SelectMany(table => DdlWriter.Create(dialect, table))),
        new(2, "Orleans membership tables and queries (PostgreSQL only: clusters of several machines)",
            dialect => dialect.Engine == StoreEngine.Postgres ? OrleansMembershipSchema.Statements() : []),
        new(3, "trials.test_metric: a completed trial's metric on its held-out test rows",
            dialect => [dialect.AddColumnSql(TrialsTable.Name, TrialsTable.TestMetricColumn.Name, TrialsTable.TestMetricColumn.Type)]),
        new(4, "trials_status index on trials (sweep, status): the run table's status filter and its count",
            dialect => [DdlWriter.CreateIndex(dialect, TrialsTable.Name, TrialsTable.StatusIndex)]),
        new(5, "trials.finished: when a trial reached its terminal status (the optimisation history's order)",
            dialect => [dialect.AddColumnSql(TrialsTable.Name, TrialsTable.FinishedColumn.Name, TrialsTable.FinishedColumn.Type)]),
    ];
}
