// Collects what one materialisation of the parameter space chose: the top-level axes with their picked nodes (for
// TrialConfiguration.Axes), and the field-path remapping that turns the trial binder's paths ("learning_rate.initial")
// into where the value is written in the file ("learning_rate[1].initial[0]"), and the value drawn at each decision
// point a draw reached (keyed by its dimension key). It does not bind or describe values.

namespace SweepCluster.Specs.Sweeps;

/// <summary>Records the choices made while materialising one combination.</summary>
internal sealed class ExpansionRecorder
{
    private readonly List<KeyValuePair<string, SpecNode>> _axes = [];
    private readonly List<KeyValuePair<string, string>> _fieldMap = [];
    private readonly Dictionary<string, double> _draws = new(StringComparer.Ordinal);
    private int _axisDepth;

    /// <summary>A trial field path (binder path) now stands for the file path of the chosen item.</summary>
    public void MapField(string fieldPath, string filePath) => _fieldMap.Add(new(fieldPath, filePath));

    /// <summary>Materialisation enters an axis item: axes inside it are part of that item's value, not axes of their own.</summary>
    public void EnterAxis() => _axisDepth++;

    /// <summary>Materialisation leaves an axis item.</summary>
    public void LeaveAxis() => _axisDepth--;

    /// <summary>An axis or distribution chose <paramref name="value"/>; recorded only at the top level.</summary>
    public void PickedAxis(string fieldPath, SpecNode value)
    {
        if (_axisDepth == 0) _axes.Add(new(fieldPath, value));
    }

    /// <summary>A decision point drew <paramref name="value"/> (an alternative index, or a number).</summary>
    public void Drew(string dimensionKey, double value) => _draws[dimensionKey] = value;

    /// <summary>The finished expansion of <paramref name="root"/>.</summary>
    public ExpandedTrial Finish(SpecMapping root) => new(root, new FieldPathMap(_fieldMap), _axes, _draws);
}

/// <summary>One materialised combination: the trial-spec tree to bind, the path remapping, the picked axes and the draws.</summary>
/// <param name="Root">The trial spec as a node tree (original positions kept).</param>
/// <param name="Paths">Turns binder field paths into file field paths.</param>
/// <param name="Axes">Each top-level axis's field path and the node chosen for it, in file order.</param>
/// <param name="Draws">A drawn combination's value at each decision point it activated, by dimension key (an
/// alternative index or a number); empty for a grid pick.</param>
internal sealed record ExpandedTrial(SpecMapping Root, FieldPathMap Paths, IReadOnlyList<KeyValuePair<string, SpecNode>> Axes,
    IReadOnlyDictionary<string, double> Draws);

/// <summary>Maps trial binder field paths to the paths where the values are written in the sweep file.</summary>
internal sealed class FieldPathMap(IReadOnlyList<KeyValuePair<string, string>> prefixes)
{
    /// <summary>The file path of <paramref name="field"/>: its longest mapped prefix (at a '.' or '[' boundary) replaced.</summary>
    public string ToFilePath(string field)
    {
        KeyValuePair<string, string>? best = null;
        foreach (var prefix in prefixes)
        {
            if (IsPrefix(prefix.Key, field) && (best is null || prefix.Key.Length > best.Value.Key.Length)) best = prefix;
        }
        return best is { } found ? found.Value + field[found.Key.Length..] : field;
    }

    private static bool IsPrefix(string prefix, string field) =>
        field.StartsWith(prefix, StringComparison.Ordinal)
        && (field.Length == prefix.Length || field[prefix.Length] is '.' or '[');
}
