// What a batching writer has done so far, for tests, benchmarks and logs.
namespace SweepCluster.Store.Study;

/// <summary>Counts of a <see cref="StudyWriter"/>.</summary>
/// <param name="Transactions">Write transactions committed.</param>
/// <param name="RowsWritten">Trial and epoch rows written.</param>
/// <param name="RowsSkipped">Rows dropped because their sweep is not in the store (never created, or deleted).</param>
/// <param name="RowsLost">Rows dropped because their write failed with an error that waiting does not cure.</param>
/// <param name="Pending">Rows waiting in memory.</param>
public sealed record StudyWriterStatistics(long Transactions, long RowsWritten, long RowsSkipped, long RowsLost, int Pending);
