// The spec file formats and the hard limits every reader enforces. No parsing happens here.
namespace SweepCluster.Specs;

/// <summary>The syntax of a spec file, chosen by its extension.</summary>
public enum SpecFormat { Yaml, Json }

/// <summary>Limits that protect the readers from hostile or accidental huge input.</summary>
public static class SpecLimits
{
    /// <summary>Files larger than this are refused before they are read (1 MiB).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists allowed; a trial spec needs about 4.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes a document may hold, counting every use of a YAML alias in full (stops "billion laughs").</summary>
    public const int MaxNodes = 100_000;

    /// <summary>The extensions <see cref="SpecDocument.Load"/> accepts, with their formats.</summary>
    public static readonly IReadOnlyDictionary<string, SpecFormat> Extensions =
        new Dictionary<string, SpecFormat>(StringComparer.OrdinalIgnoreCase)
        {
            [".yaml"] = SpecFormat.Yaml,
            [".yml"] = SpecFormat.Yaml,
            [".json"] = SpecFormat.Json,
        };
}
