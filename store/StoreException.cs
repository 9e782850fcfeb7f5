// The one exception a store raises for anything the user must act on: a typed kind, the store it concerns (a path,
// or user@host:port/database, never a password) and a one-line message that says what to do.
namespace SweepCluster.Store;

/// <summary>A store could not be opened or used. <see cref="Exception.Message"/> is one line naming the store and the remedy.</summary>
public sealed class StoreException : Exception
{
    public StoreException(StoreErrorKind kind, string store, string message, Exception? innerException = null)
        : base(OneLine(message), innerException)
    {
        Kind = kind;
        Store = store;
    }

    /// <summary>What went wrong.</summary>
    public StoreErrorKind Kind { get; }

    /// <summary>The store, as <see cref="Dialects.IStoreDialect.StoreName"/> writes it (no password).</summary>
    public string Store { get; }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
