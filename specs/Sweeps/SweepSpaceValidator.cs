// Binds expanded trials of a sweep with the trial binder so that every trial-level error of the file is reported,
// each once: errors are keyed by (file field path, line), and the first message at a position is kept however many
// combinations share it. Also collects the trials' tasks for the metric default and their datasets. Which combinations to bind is the
// loader's decision; this class only binds what it is given.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Validates expanded trials, reporting distinct errors to a shared context.</summary>
internal sealed class SweepSpaceValidator(SpecBindContext ctx)
{
    private readonly HashSet<(string Field, int? Line)> _reported = [];
    private readonly HashSet<TaskKind> _tasks = [];
    private readonly List<string> _datasets = [];

    /// <summary>The tasks of the trials bound so far (the spec's task, else the built-in dataset's, else classification).</summary>
    public IReadOnlySet<TaskKind> Tasks => _tasks;

    /// <summary>The distinct <c>dataset:</c> values of the trials bound so far, as written, in the order first seen. The
    /// loader binds a cover of the space, so every alternative of a dataset axis is among them.</summary>
    public IReadOnlyList<string> Datasets => _datasets;

    /// <summary>The most epochs of any trial bound without errors so far; null before the first.</summary>
    public int? MaxEpochs { get; private set; }

    /// <summary>Binds one expanded trial and reports its errors not reported before.</summary>
    public void Check(ExpandedTrial trial)
    {
        var spec = ExpandedTrialBinder.Bind(trial, ctx.Source, out var errors);
        foreach (var error in errors)
        {
            if (_reported.Add((error.Field, error.Line))) ctx.Error(error.Field, error.Line, error.Message);
        }
        _tasks.Add(TaskOf(spec));
        if (!_datasets.Contains(spec.Dataset, StringComparer.Ordinal)) _datasets.Add(spec.Dataset);
        if (errors.Count == 0) MaxEpochs = Math.Max(MaxEpochs ?? 0, spec.Epochs);
    }

    private static TaskKind TaskOf(TrialSpec spec) =>
        spec.Task ?? (DatasetCatalog.TryGetBuiltInTask(spec.Dataset, out var builtIn) ? builtIn : TaskKind.Classification);
}
