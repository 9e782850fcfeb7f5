// Entry point of the store micro-benchmark:
//   dotnet run -c Release --project bench/SweepCluster.Store.Bench -- [--trials N] [--epochs E] [--file PATH]
//                                                                    [--postgres HOST:PORT/DATABASE --user USER]
//                                                                    [--mode writer|pages]
// SQLite by default (a new file in the temporary folder unless --file); PostgreSQL with --postgres, its password
// from the environment variable SWEEPCLUSTER_PG_PASSWORD. `--mode pages` times the run table's page query instead of the writer. Prints its figures; no assertion.
using System.Globalization;

namespace SweepCluster.Store.Bench;

public static class Program
{
    private const int DefaultTrials = 100_000;
    private const int DefaultEpochs = 10;
    private const string PagesMode = "pages";
    private const string PasswordVariable = "SWEEPCLUSTER_PG_PASSWORD";

    public static async Task<int> Main(string[] args)
    {
        var options = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var trials = options.TryGetValue("--trials", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : DefaultTrials;
        var epochs = options.TryGetValue("--epochs", out var e) ? int.Parse(e, CultureInfo.InvariantCulture) : DefaultEpochs;
        var location = Location(options);
        try
        {
            Console.WriteLine(options.GetValueOrDefault("--mode") == PagesMode
                ? await new PageQueryBenchmark(location, trials, epochs).RunAsync()
                : await new WriterBenchmark(location, trials, epochs).RunAsync());
            return 0;
        }
        catch (StoreException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
        finally
        {
            if (location is SqliteStoreLocation sqlite && !options.ContainsKey("--file")) DeleteStore(sqlite.Path);
        }
    }

    private static StoreLocation Location(IReadOnlyDictionary<string, string> options)
    {
        if (options.TryGetValue("--postgres", out var target))
        {
            var hostPort = target.Split('/')[0];
            return new PostgresStoreLocation(hostPort.Split(':')[0], int.Parse(hostPort.Split(':')[1], CultureInfo.InvariantCulture),
                target.Split('/')[1], options.GetValueOrDefault("--user", Environment.UserName))
            {
                Password = Environment.GetEnvironmentVariable(PasswordVariable),
            };
        }
        return new SqliteStoreLocation(options.GetValueOrDefault("--file") ?? Path.Combine(Path.GetTempPath(), $"sweepcluster-bench-{Guid.NewGuid():N}.db"));
    }

    private static void DeleteStore(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }
}
