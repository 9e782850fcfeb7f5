// The single entry point for datasets: resolves a spec's `dataset:` value (a built-in name or a CSV path), loads it
// once per process and hands every caller the same read-only instance.
// Built-ins: iris, wine, breast-cancer, digits (embedded CSVs), synthetic-regression and spirals (generated from the
// data seed), fashion-mnist and fashion-mnist-test (IDX files; directory from SWEEPCLUSTER_FASHION_MNIST_DIR, else
// /usr/share/datasets/fashion-mnist). Anything with a path separator or ending in .csv is a CSV file.
// CSV content that travelled with a sweep (CsvContent) is parsed by LoadContent, cached under its SHA-256; silos load
// only built-ins and such content (LoadBuiltIn, LoadContent), never a path.
// Cache key: identity (built-in name, full file path, or content hash) + task + targets + version (data seed for
// generators, the file's last-write time for files), so an edited file is read again. A failed load is not cached.
// Deliberately does not: split or standardize (DataSplit, Standardizer), evict old entries, or copy datasets.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Resolves and caches datasets by name or path.</summary>
public static class DatasetCatalog
{
    /// <summary>Environment variable that overrides the Fashion-MNIST directory.</summary>
    public const string FashionMnistDirectoryVariable = "SWEEPCLUSTER_FASHION_MNIST_DIR";

    /// <summary>How spec errors raised here name their source (the catalog does not know the spec file).</summary>
    private const string SpecSource = Specs.SpecError.InlineSource;
    private const string CsvExtension = ".csv";

    /// <summary>How long a dataset nobody asked for is kept for the next trial.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(1);

    private static readonly IdleReleasingCache<CacheKey, Dataset> Cache = new(Retention);

    private static readonly BuiltIn[] BuiltInList =
    [
        .. BuiltInCsv.Names.Select(name => new BuiltIn(name, TaskKind.Classification, _ => FromEmbeddedCsv(name))),
        new(SyntheticRegression.Name, TaskKind.Regression, seed => Generated(SyntheticRegression.Name, TaskKind.Regression, seed, SyntheticRegression.Generate)),
        new(Spirals.Name, TaskKind.Classification, seed => Generated(Spirals.Name, TaskKind.Classification, seed, Spirals.Generate)),
        new(FashionMnist.Train.Name, TaskKind.Classification, _ => FromFashionMnist(FashionMnist.Train)),
        new(FashionMnist.Test.Name, TaskKind.Classification, _ => FromFashionMnist(FashionMnist.Test)),
    ];

    private static readonly Dictionary<string, BuiltIn> BuiltIns =
        BuiltInList.ToDictionary(builtIn => builtIn.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every built-in dataset name, in a stable order.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [.. BuiltInList.Select(builtIn => builtIn.Name)];

    /// <summary>The task of built-in <paramref name="name"/> (case-insensitive); false if it is not a built-in.</summary>
    public static bool TryGetBuiltInTask(string name, out TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = BuiltIns.TryGetValue(name, out var builtIn);
        task = found ? builtIn!.Task : default;
        return found;
    }

    /// <summary>Loads (or returns the cached) dataset named by <paramref name="nameOrPath"/>.</summary>
    /// <param name="nameOrPath">A built-in name (case-insensitive), or a CSV path: anything containing a path
    /// separator or ending in .csv; relative paths resolve against <see cref="DatasetRequest.BaseDirectory"/>.</param>
    /// <param name="request">Task, targets, data seed and base directory.</param>
    /// <returns>A shared instance: callers must not modify its arrays.</returns>
    /// <exception cref="SpecException">Unknown name (with a did-you-mean), a task the built-in does not have, or
    /// targets below 1 for regression.</exception>
    /// <exception cref="DataFormatException">A file is missing or malformed.</exception>
    public static Dataset Load(string nameOrPath, DatasetRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Task == TaskKind.Regression && request.Targets < 1)
            throw SpecError("targets", $"targets is {request.Targets}; regression needs at least 1 target column");

        var (key, load) = Resolve(nameOrPath.Trim(), request);
        return Cache.GetOrAdd(key, _ => load());
    }

    /// <summary>Loads (or returns the cached) built-in dataset <paramref name="name"/>; never a file.</summary>
    /// <exception cref="SpecException">Not a built-in name (with a did-you-mean), or a task it does not have.</exception>
    public static Dataset LoadBuiltIn(string name, DatasetRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(request);
        if (!BuiltIns.TryGetValue(name.Trim(), out var builtIn)) throw UnknownDataset(name.Trim());
        CheckBuiltInRequest(builtIn, request);
        var (key, load) = builtIn.Prepare(request.DataSeed);
        return Cache.GetOrAdd(key, _ => load());
    }

    /// <summary>Parses (or returns the cached) CSV <paramref name="content"/>, cached by its SHA-256.</summary>
    /// <param name="content">The file's bytes as they travelled with the sweep.</param>
    /// <param name="name">How errors name the file: the spec's <c>dataset:</c> value.</param>
    /// <param name="request">Task and targets; the base directory is not used.</param>
    /// <exception cref="DataFormatException">The content is not a valid numeric table.</exception>
    public static Dataset LoadContent(CsvContent content, string name, DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Task == TaskKind.Regression && request.Targets < 1)
            throw SpecError("targets", $"targets is {request.Targets}; regression needs at least 1 target column");
        var task = request.Task ?? TaskKind.Classification;
        var targets = task == TaskKind.Regression ? request.Targets : 0; // classification ignores targets
        var key = new CacheKey(ContentIdentity(content.Sha256), task, targets, 0);
        return Cache.GetOrAdd(key, _ => CsvDatasetReader.Read(content.Bytes, name, task, Math.Max(targets, 1)));
    }

    /// <summary>How a content hash is told apart from names and paths in cache keys.</summary>
    public static string ContentIdentity(string sha256) => "sha256:" + sha256;

    /// <summary>Whether <paramref name="name"/> is a built-in dataset (case-insensitive).</summary>
    public static bool IsBuiltIn(string name) => BuiltIns.ContainsKey(name.Trim());

    private static (CacheKey Key, Func<Dataset> Load) Resolve(string nameOrPath, DatasetRequest request)
    {
        if (BuiltIns.TryGetValue(nameOrPath, out var builtIn))
        {
            CheckBuiltInRequest(builtIn, request);
            return builtIn.Prepare(request.DataSeed);
        }
        if (LooksLikePath(nameOrPath)) return FromCsvFile(nameOrPath, request);
        throw UnknownDataset(nameOrPath);
    }

    private static SpecException UnknownDataset(string name)
    {
        var suggestion = EditDistance.Closest(name, BuiltInNames);
        return SpecError("dataset",
            $"unknown dataset \"{name}\"; did you mean \"{suggestion}\"? Valid built-in names: " +
            $"{string.Join(", ", BuiltInNames)}; or give a path to a {CsvExtension} file");
    }

    private static void CheckBuiltInRequest(BuiltIn builtIn, DatasetRequest request)
    {
        if (request.Task is { } task && task != builtIn.Task)
            throw SpecError("task",
                $"task {Describe(task)} does not fit built-in dataset \"{builtIn.Name}\", which is {Describe(builtIn.Task)}; " +
                "omit task, or use a CSV file");
        if (builtIn.Name == SyntheticRegression.Name && request.Targets != SyntheticRegression.Outputs)
            throw SpecError("targets",
                $"targets is {request.Targets}, but \"{builtIn.Name}\" has {SyntheticRegression.Outputs} target column; omit targets");
    }

    /// <summary>The file a dataset is read from: its full path for a CSV file, null for a built-in dataset.</summary>
    public static string? FileOf(string nameOrPath, string? baseDirectory)
    {
        var name = nameOrPath.Trim();
        if (BuiltIns.ContainsKey(name) || !LooksLikePath(name)) return null;
        return Path.GetFullPath(name, Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>Whether <paramref name="dataset"/> names a file (a path, or a name ending in .csv) rather than a built-in.</summary>
    public static bool NamesAFile(string dataset) => !IsBuiltIn(dataset) && LooksLikePath(dataset.Trim());

    private static bool LooksLikePath(string nameOrPath) =>
        nameOrPath.Contains(Path.DirectorySeparatorChar)
        || nameOrPath.Contains(Path.AltDirectorySeparatorChar)
        || nameOrPath.EndsWith(CsvExtension, StringComparison.OrdinalIgnoreCase);

    private static (CacheKey, Func<Dataset>) FromCsvFile(string path, DatasetRequest request)
    {
        var baseDirectory = Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory());
        var fullPath = Path.GetFullPath(path, baseDirectory);
        var task = request.Task ?? TaskKind.Classification;
        var targets = task == TaskKind.Regression ? request.Targets : 0; // classification ignores targets
        var key = new CacheKey(fullPath, task, targets, LastWriteTicks(fullPath));
        return (key, () => CsvDatasetReader.Read(fullPath, task, Math.Max(targets, 1)));
    }

    private static (CacheKey, Func<Dataset>) FromEmbeddedCsv(string name) =>
        (new CacheKey(name, TaskKind.Classification, 0, 0), () => BuiltInCsv.Load(name));

    private static (CacheKey, Func<Dataset>) Generated(string name, TaskKind task, long dataSeed, Func<long, Dataset> generate) =>
        (new CacheKey(name, task, 0, dataSeed), () => generate(dataSeed));

    private static (CacheKey, Func<Dataset>) FromFashionMnist(FashionMnist.Split split)
    {
        var directory = Environment.GetEnvironmentVariable(FashionMnistDirectoryVariable) is { Length: > 0 } overridden
            ? overridden
            : FashionMnist.DefaultDirectory;
        var (images, labels) = FashionMnist.Paths(directory, split);
        var version = Math.Max(LastWriteTicks(images), LastWriteTicks(labels));
        return (new CacheKey(images, TaskKind.Classification, 0, version), () => FashionMnist.Load(directory, split));
    }

    /// <summary>The file's last-write time in ticks; for a missing file a constant, and loading then reports it.</summary>
    private static long LastWriteTicks(string fullPath) => File.GetLastWriteTimeUtc(fullPath).Ticks;

    private static string Describe(TaskKind task) => task == TaskKind.Classification ? "classification" : "regression";

    private static SpecException SpecError(string field, string message) => new(new SpecError(SpecSource, field, null, message));

    /// <summary>One built-in dataset: its name, its task, and its cache key and loader for a data seed.</summary>
    private sealed record BuiltIn(string Name, TaskKind Task, Func<long, (CacheKey Key, Func<Dataset> Load)> Prepare);

    /// <summary>What makes two loads the same dataset.</summary>
    private readonly record struct CacheKey(string Identity, TaskKind Task, int Targets, long Version);
}
