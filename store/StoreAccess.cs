// Whether a store is opened to be written (created, migrated, then read and written) or only read (a reader such as
// `sweep trials`, which must never create, migrate or change the store it is pointed at).
namespace SweepCluster.Store;

/// <summary>How a store is opened.</summary>
public enum StoreAccess
{
    /// <summary>Created when empty, migrated when older, then read and written.</summary>
    ReadWrite,

    /// <summary>Only read: a missing, empty, older or foreign store is refused and nothing is changed.</summary>
    ReadOnly,
}
