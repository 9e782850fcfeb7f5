// The data files of a sweep spec, read on the client that submits or runs it: every `dataset:` value that names a
// file (every alternative of a dataset axis), resolved against the spec's folder, read whole and hashed. Whatever cannot
// be read is one error at the spec's `dataset` key, all files at once. Silos never do this: they get the bytes by hash.
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs.Sweeps;

public static class SweepDataFiles
{
    /// <summary>The spec's data files with their content.</summary>
    /// <exception cref="SpecException">Some could not be read (missing, not .csv, too large, unreadable); every one is listed.</exception>
    public static IReadOnlyList<DataFile> Read(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var files = new List<DataFile>();
        var errors = new List<SpecError>();
        foreach (var dataset in spec.Datasets.Where(DatasetCatalog.NamesAFile))
        {
            try
            {
                files.Add(DataFileReader.Read(dataset, spec.BaseDirectory));
            }
            catch (DataFormatException error)
            {
                errors.Add(new SpecError(spec.Source, TrialSpecBinder.Dataset, spec.LineOf(TrialSpecBinder.Dataset), error.Message));
            }
        }
        if (errors.Count > 0) throw new SpecException(errors);
        return files;
    }

    /// <summary>The sweep's datasets as a silo will see them: built-ins, and exactly these files' bytes.</summary>
    public static SweepDatasets Source(IReadOnlyList<DataFile> files) =>
        new(files.ToDictionary(file => file.Dataset, file => file.Content, StringComparer.Ordinal));
}
