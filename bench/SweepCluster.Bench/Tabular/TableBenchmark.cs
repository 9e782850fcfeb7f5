// `table` mode: generates the offline tabular benchmark of schedule configurations (bench/tables/schedules.json and
// schedules.csv.gz) with the engine, and prints what it trained, how long it took and the files' sizes.
using System.Diagnostics;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Bench.Tabular;

public static class TableBenchmark
{
    /// <summary>The table's file name without extensions.</summary>
    public const string TableName = "schedules";

    /// <summary>Hyperband's budgets 1, 3, 9, 27 fit this budget.</summary>
    private const int Epochs = 27;
    private const double Validation = 0.2;
    private const int DefaultSeeds = 3;

    /// <summary>The fixed model of each dataset: hidden widths of a ReLU MLP.</summary>
    private static readonly IReadOnlyDictionary<string, int[]> Models = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["digits"] = [32],
        ["wine"] = [16],
        ["breast-cancer"] = [16],
    };

    /// <summary>bench/tables of the repository.</summary>
    public static string DefaultDirectory() => Path.Combine(TorchProcess.RepositoryRoot(), "bench", "tables");

    public static int Run(string[] args)
    {
        var outDirectory = Path.GetFullPath(ClusterBench.StringOption(args, "--out", DefaultDirectory()));
        var datasets = ClusterBench.StringOption(args, "--datasets", string.Join(",", Models.Keys)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var seeds = ClusterBench.IntOption(args, "--seeds", DefaultSeeds);
        var threads = ClusterBench.IntOption(args, "--threads", Environment.ProcessorCount);
        var unknown = datasets.Where(d => !Models.ContainsKey(d)).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"unknown dataset(s) {string.Join(", ", unknown)}; the table knows {string.Join(", ", Models.Keys)}");
            return 2;
        }
        var generation = new TableGeneration(datasets.Select(d => (d, Models[d])).ToArray(), Enumerable.Range(1, seeds).ToArray(), Epochs, Validation, threads);
        var metadata = TableGenerator.Describe(generation);
        var configurations = metadata.Space().Enumerate().Count;
        Console.WriteLine($"{configurations} configurations x {datasets.Length} datasets x {seeds} seeds = {configurations * datasets.Length * seeds} runs of {Epochs} epochs on {threads} threads");
        var timer = Stopwatch.StartNew();
        var curves = TableGenerator.Generate(generation);
        timer.Stop();
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, TableName);
        TabularTable.Save(path, metadata, curves);
        var diverged = curves.Count(c => c.End == CurveEnd.Diverged);
        var epochs = curves.Sum(c => c.Epochs);
        var steps = curves.Sum(c => c.Steps.Sum(s => (long)s));
        Console.WriteLine($"trained in {timer.Elapsed.TotalSeconds:0.0} s ({epochs / timer.Elapsed.TotalSeconds:N0} epochs/s, {steps / timer.Elapsed.TotalSeconds:N0} steps/s); {diverged} runs diverged");
        foreach (var extension in new[] { TabularTable.DescriptionExtension, TabularTable.CurvesExtension })
            Console.WriteLine($"  {path + extension}: {new FileInfo(path + extension).Length:N0} bytes");
        var table = new TabularTable(metadata, curves);
        foreach (var dataset in metadata.Datasets)
            Console.WriteLine($"  {dataset.Name}: best mean final accuracy {table.Dataset(dataset.Name).BestTrueFinal:0.0000}");
        return 0;
    }
}
