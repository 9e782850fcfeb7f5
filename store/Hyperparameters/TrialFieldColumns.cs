// The trial spec's other searchable fields as columns, by their spec paths ("optimizer.type", "model.hidden",
// "epochs"): enums as their spec text, lists as "[64, 32]", booleans as 0/1 integers. The seed is not here: every
// trial row has its own seed column.
using System.Globalization;
using SweepCluster.Core.Specs;

namespace SweepCluster.Store.Hyperparameters;

/// <summary>The non-schedule fields of a <see cref="TrialSpec"/> that a sweep may search.</summary>
internal static class TrialFieldColumns
{
    /// <summary>Every such field, in the spec's key order.</summary>
    public static readonly IReadOnlyList<TrialField> All =
    [
        Text("dataset", s => s.Dataset),
        OptionalText("task", s => s.Task is { } task ? SpecNames.Of(task) : null),
        Integer("targets", s => s.Targets),
        Real("validation", s => s.Validation),
        Integer("data_seed", s => s.DataSeed),
        Flag("standardize", s => s.Standardize),
        Text("model.hidden", s => $"[{string.Join(", ", s.Model.Hidden.Select(n => n.ToString(CultureInfo.InvariantCulture)))}]"),
        Text("model.activation", s => SpecNames.Of(s.Model.Activation)),
        Text("model.init", s => SpecNames.Of(s.Model.Init)),
        Real("model.negative_slope", s => s.Model.NegativeSlope),
        OptionalText("loss", s => s.Loss is { } loss ? SpecNames.Of(loss) : null),
        Text("optimizer.type", s => SpecNames.Of(s.Optimizer.Type)),
        Real("optimizer.momentum", s => s.Optimizer.Momentum),
        Flag("optimizer.nesterov", s => s.Optimizer.Nesterov),
        Real("optimizer.beta1", s => s.Optimizer.Beta1),
        Real("optimizer.beta2", s => s.Optimizer.Beta2),
        Real("optimizer.eps", s => s.Optimizer.Eps),
        Real("optimizer.alpha", s => s.Optimizer.Alpha),
        Flag("optimizer.centered", s => s.Optimizer.Centered),
        Integer("epochs", s => s.Epochs),
        Flag("shuffle", s => s.Shuffle),
    ];

    /// <summary>The fields a searched path covers: the field itself, every field under a searched mapping
    /// ("optimizer" → optimizer.*), or the field that holds a searched element ("model.hidden[0]" → model.hidden).</summary>
    public static IEnumerable<TrialField> Covered(string searchedPath) =>
        All.Where(field => field.Path == searchedPath
                           || field.Path.StartsWith(searchedPath + ".", StringComparison.Ordinal)
                           || searchedPath.StartsWith(field.Path + ".", StringComparison.Ordinal)
                           || searchedPath.StartsWith(field.Path + "[", StringComparison.Ordinal));

    private static TrialField Text(string path, Func<TrialSpec, string> read) =>
        new(path, s => HyperparameterValue.Text(path, read(s)));

    private static TrialField OptionalText(string path, Func<TrialSpec, string?> read) =>
        new(path, s => read(s) is { } text ? HyperparameterValue.Text(path, text) : null);

    private static TrialField Real(string path, Func<TrialSpec, double> read) =>
        new(path, s => HyperparameterValue.Real(path, read(s)));

    private static TrialField Integer(string path, Func<TrialSpec, long> read) =>
        new(path, s => HyperparameterValue.Integer(path, read(s)));

    private static TrialField Flag(string path, Func<TrialSpec, bool> read) =>
        new(path, s => HyperparameterValue.Integer(path, read(s) ? 1 : 0));
}

/// <summary>One searchable field: its spec path (also its column) and its value in a trial spec (null: unset).</summary>
internal sealed record TrialField(string Path, Func<TrialSpec, HyperparameterValue?> Read);
