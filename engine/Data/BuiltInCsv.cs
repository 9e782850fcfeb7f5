// Loads the small classification CSVs embedded in the engine assembly (iris, wine, breast-cancer, digits; see
// BuiltIn/ATTRIBUTION.md) through the ordinary CSV reader.
// Deliberately does not cache (DatasetCatalog does) or touch the file system.
using System.Text;
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>The embedded built-in CSV datasets.</summary>
internal static class BuiltInCsv
{
    /// <summary>Names of the embedded datasets (resource "SweepCluster.Engine.Data.BuiltIn.&lt;name&gt;.csv").</summary>
    public static readonly IReadOnlyList<string> Names = ["iris", "wine", "breast-cancer", "digits"];

    private const string ResourcePrefix = "SweepCluster.Engine.Data.BuiltIn.";
    private const string ResourceSuffix = ".csv";

    /// <summary>Reads the embedded CSV <paramref name="name"/> as a classification dataset.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly (a build error).</exception>
    public static Dataset Load(string name)
    {
        var resource = ResourcePrefix + name + ResourceSuffix;
        using var stream = typeof(BuiltInCsv).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from {typeof(BuiltInCsv).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return CsvDatasetReader.Read(reader, $"built-in {name}{ResourceSuffix}", name, TaskKind.Classification, targets: 1);
    }
}
