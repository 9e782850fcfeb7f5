// How the batching writer groups rows: a transaction per batch of at most BatchRows rows, started when that many are
// waiting or FlushInterval after the last write, whichever comes first.
namespace SweepCluster.Store.Study;

/// <summary>Settings of a <see cref="StudyWriter"/>.</summary>
public sealed record StudyWriterOptions
{
    /// <summary>The default rows per transaction.</summary>
    public const int DefaultBatchRows = 2000;

    /// <summary>The default longest wait before waiting rows are written.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Rows per transaction; this many waiting rows also start a write at once.</summary>
    public int BatchRows { get; init; } = DefaultBatchRows;

    /// <summary>The longest a row waits in memory before it is written.</summary>
    public TimeSpan FlushInterval { get; init; } = DefaultFlushInterval;
}
