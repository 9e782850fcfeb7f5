// Builds the dotted field paths used in SpecError.Field ("learning_rate.base.initial", "model.hidden[0]").
namespace SweepCluster.Specs;

/// <summary>Helpers for dotted field paths.</summary>
public static class SpecPath
{
    /// <summary>"parent.key", or "key" at the root.</summary>
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary>"parent[index]".</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
