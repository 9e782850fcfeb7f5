// Quoting of table and column names, the same in SQLite and PostgreSQL: double quotes, an embedded quote doubled.
// Hyperparameter columns such as "learning_rate.initial" need it (a '.' is not allowed in a bare name).
namespace SweepCluster.Store.Dialects;

/// <summary>Quotes SQL identifiers.</summary>
internal static class SqlIdentifier
{
    /// <summary><paramref name="identifier"/> in double quotes, embedded double quotes doubled.</summary>
    /// <exception cref="ArgumentException">Empty, or contains a NUL character (no engine can store it).</exception>
    public static string Quote(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (identifier.Contains('\0')) throw new ArgumentException("an identifier cannot contain a NUL character", nameof(identifier));
        return $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
