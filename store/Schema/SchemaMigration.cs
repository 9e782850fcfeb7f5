// One version of the store's schema: the statements that take a store from the previous version to this one.
using SweepCluster.Store.Dialects;

namespace SweepCluster.Store.Schema;

/// <summary>The step to schema version <paramref name="Version"/>.</summary>
/// <param name="Version">1, 2, ... with no gaps.</param>
/// <param name="Description">What the step does, stored with the version row.</param>
/// <param name="Statements">The SQL of the step in a dialect, run in one transaction.</param>
internal sealed record SchemaMigration(int Version, string Description, Func<IStoreDialect, IEnumerable<string>> Statements);
