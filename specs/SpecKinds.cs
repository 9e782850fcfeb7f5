// Which kind of spec a document is, from its top-level keys alone, so that a sweep spec given to `sweep train` (or a
// trial spec given to `sweep run`) is named as such instead of failing key by key. A sweep spec has sweep-level keys
// (name, search, metric, seeds, ...) or lists of axis values; a trial spec has neither. It binds nothing.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Specs;

/// <summary>The two kinds of spec file.</summary>
public enum SpecKind
{
    /// <summary>One trial: `sweep train`.</summary>
    Trial,

    /// <summary>A sweep of trials: `sweep run`, `submit`, `validate`.</summary>
    Sweep,
}

public static class SpecKinds
{
    /// <summary>The keys whose value a sweep spec may give as a list of values to sweep over.</summary>
    private static readonly IReadOnlySet<string> AxisKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        TrialSpecBinder.LearningRate, TrialSpecBinder.WeightDecay, TrialSpecBinder.BatchSize,
    };

    /// <summary>The kind of <paramref name="document"/>; null when it is not a mapping of known keys (its own errors say more).</summary>
    public static SpecKind? Of(SpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Errors.Count > 0 || document.Root is not SpecMapping root || root.Entries.Count == 0) return null;
        var sweepLevel = root.Entries.Any(e => SweepKeys.TopLevelSet.Contains(e.Key));
        var listedAxis = root.Entries.Any(e => AxisKeys.Contains(e.Key) && e.Value is SpecSequence);
        return sweepLevel || listedAxis ? SpecKind.Sweep : SpecKind.Trial;
    }

    /// <summary>Refuses a spec of the other kind with one message naming the command it is for.</summary>
    /// <exception cref="InvalidDataException">The file is a spec of the other kind.</exception>
    public static void Require(string path, SpecKind expected)
    {
        var document = SpecDocument.Load(path);
        var kind = Of(document);
        if (kind is null || kind == expected) return;
        throw new InvalidDataException(kind == SpecKind.Sweep
            ? $"{path} is a sweep spec: use `sweep run {path}` (or `sweep submit`, `sweep validate`); `sweep train` trains one trial spec"
            : $"{path} is a single-trial spec: use `sweep train {path}`; `sweep run`, `sweep submit` and `sweep validate` take a sweep spec");
    }
}
