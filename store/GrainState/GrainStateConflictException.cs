// The optimistic-concurrency failure of the grain-state table: the caller's etag is not the stored one (another
// activation wrote or cleared the state since it was read). An IGrainStorage adapter turns it into Orleans'
// InconsistentStateException.
namespace SweepCluster.Store.GrainState;

/// <summary>A write or clear whose expected etag did not match the stored state.</summary>
public sealed class GrainStateConflictException(GrainStateKey key, string? expectedETag, string? storedETag)
    : Exception($"grain state {key} was changed by another writer: expected etag {Describe(expectedETag)}, stored {Describe(storedETag)}")
{
    public GrainStateKey Key { get; } = key;

    /// <summary>The etag the caller passed (null: it expected no stored state).</summary>
    public string? ExpectedETag { get; } = expectedETag;

    /// <summary>The etag found in the store (null: no stored state).</summary>
    public string? StoredETag { get; } = storedETag;

    private static string Describe(string? etag) => etag is null ? "none" : $"'{etag}'";
}
