// The key of one stored grain state and what is stored under it.
namespace SweepCluster.Store.GrainState;

/// <summary>Which grain state: the grain's type, its id, and the state's name (a grain may keep several).</summary>
public sealed record GrainStateKey(string GrainType, string GrainId, string StateName)
{
    public override string ToString() => $"{GrainType}/{GrainId}/{StateName}";
}

/// <summary>A stored state: the serialized payload and the etag of the write that stored it.</summary>
public sealed record GrainStateRecord(byte[] Payload, string ETag);
