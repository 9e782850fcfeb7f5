// Reads the data file a spec names, on the client that submits it (or runs `sweep train`): the path resolved against
// the spec's folder, a .csv file, no larger than CsvContent.MaxBytes, read whole and hashed. Whatever is wrong is a
// DataFormatException naming the file and what would be valid. Silos never call this: they get the bytes by hash.
// Deliberately does not parse the CSV (DatasetCatalog.LoadContent does, with the trial's task and targets).
namespace SweepCluster.Engine.Data;

public static class DataFileReader
{
    private const string CsvExtension = ".csv";

    /// <summary>The data file <paramref name="dataset"/> (a path as written in a spec) with its content.</summary>
    /// <param name="dataset">The spec's <c>dataset:</c> value; relative paths resolve against <paramref name="baseDirectory"/>.</param>
    /// <param name="baseDirectory">The spec's folder.</param>
    /// <exception cref="DataFormatException">Not a .csv file, missing, a folder, over the size limit, or unreadable.</exception>
    public static DataFile Read(string dataset, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        var fullPath = Path.GetFullPath(dataset.Trim(), Path.GetFullPath(baseDirectory));
        if (!fullPath.EndsWith(CsvExtension, StringComparison.OrdinalIgnoreCase))
            throw new DataFormatException(fullPath, null, null,
                $"is not a {CsvExtension} file; a dataset is a built-in name ({string.Join(", ", DatasetCatalog.BuiltInNames)}) or the path of a {CsvExtension} file");
        if (Directory.Exists(fullPath))
            throw new DataFormatException(fullPath, null, null, $"is a folder, not a CSV file: {fullPath} (give the path of a .csv file in it)");
        var file = new FileInfo(fullPath);
        if (!file.Exists) throw new DataFormatException(fullPath, null, null, $"file not found: {fullPath}");
        if (file.Length > CsvContent.MaxBytes)
            throw new DataFormatException(fullPath, null, null,
                $"is {(double)file.Length / CsvContent.BytesPerMebibyte:N1} MiB, over {CsvContent.LimitText} for a sweep's data file (every silo that trains on it " +
                "holds it in memory); use fewer rows or columns, or split it into several datasets");
        try
        {
            var bytes = File.ReadAllBytes(fullPath);
            if (bytes.LongLength > CsvContent.MaxBytes)
                throw new DataFormatException(fullPath, null, null, $"grew over {CsvContent.LimitText} while it was read");
            return new DataFile(dataset, fullPath, CsvContent.Of(bytes));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(fullPath, null, null, $"cannot be read: {error.Message}");
        }
    }
}

/// <summary>A data file as the client read it.</summary>
/// <param name="Dataset">The spec's <c>dataset:</c> value as written.</param>
/// <param name="FullPath">Where it was read.</param>
/// <param name="Content">Its bytes and their SHA-256.</param>
public sealed record DataFile(string Dataset, string FullPath, CsvContent Content);
