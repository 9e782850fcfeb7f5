// Finds the PostgreSQL server programs (initdb, pg_ctl) at run time: on PATH, else the newest
// /usr/lib/postgresql/<version>/bin (Debian, Ubuntu), else the newest /usr/pgsql-<version>/bin (RHEL). No version is
// assumed.
using System.Globalization;

namespace SweepCluster.Testing.Postgres;

public static class PostgresPrograms
{
    private const string InitDb = "initdb";

    /// <summary>The folder that holds initdb and pg_ctl.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL's server is not installed.</exception>
    public static string Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var candidates = onPath
            .Concat(Versioned("/usr/lib/postgresql", folder => Path.GetFileName(folder), "bin"))
            .Concat(Versioned("/usr", folder => Path.GetFileName(folder).StartsWith("pgsql-", StringComparison.Ordinal) ? Path.GetFileName(folder)["pgsql-".Length..] : null, "bin"));
        return candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, InitDb)))
               ?? throw new InvalidOperationException(
                   "PostgreSQL's server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin: " +
                   "install them with `bash .ci/install-deps` (Debian package postgresql)");
    }

    /// <summary>The <paramref name="leaf"/> folders of <paramref name="root"/>'s versioned children, newest version first.</summary>
    private static IEnumerable<string> Versioned(string root, Func<string, string?> versionOf, string leaf)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root)
            .Select(folder => (Folder: folder, Version: ParseVersion(versionOf(folder))))
            .Where(entry => entry.Version is not null)
            .OrderByDescending(entry => entry.Version)
            .Select(entry => Path.Combine(entry.Folder, leaf));
    }

    private static Version? ParseVersion(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0)
        : Version.TryParse(text, out var version) ? version : null;
}
