// One GROUP BY over the trials table: every sweep's trial counts and best completed metric (TrialCounts).
using SweepCluster.Core.Specs;
using System.Data.Common;
using SweepCluster.Core;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>The SQL of <see cref="TrialCounts"/>.</summary>
internal sealed class TrialCountsQuery(IStoreDialect dialect)
{
    /// <summary>Every sweep that has trial rows, with its counts.</summary>
    public Task<IReadOnlyList<TrialCounts>> ReadAsync(CancellationToken cancellationToken) =>
        dialect.RunAsync<IReadOnlyList<TrialCounts>>(async connection =>
        {
            var status = dialect.Quote(TrialsTable.Status);
            var final = dialect.Quote(TrialsTable.FinalMetric);
            var terminal = string.Join(", ", Enum.GetValues<TrialStatus>().Where(s => s.IsTerminal()).Select(s => $"'{SpecNames.Of(s)}'"));
            var completed = $"CASE WHEN {status} = '{SpecNames.Of(TrialStatus.Completed)}' THEN {final} END";
            await using var command = connection.Command(null,
                $"SELECT {dialect.Quote(TrialsTable.Sweep)}, COUNT(*), SUM(CASE WHEN {status} IN ({terminal}) THEN 1 ELSE 0 END), " +
                $"MAX({completed}), MIN({completed}) FROM {dialect.Quote(TrialsTable.Name)} GROUP BY {dialect.Quote(TrialsTable.Sweep)}");
            var counts = new List<TrialCounts>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add(new TrialCounts(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)),
                    Nullable(reader, 3), Nullable(reader, 4)));
            }
            return counts;
        }, cancellationToken);

    private static double? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal));
}
