// Binds a document's root mapping to a TrialSpec, key by key, collecting every error (it never stops at the first).
// Nested parts are delegated to ModelSpecBinder, OptimizerSpecBinder and ScheduleSpecBinder. It does not read files
// (SpecDocument) and does not resolve dataset paths (LoadedTrialSpec).
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>Binds a spec tree to a <see cref="TrialSpec"/>.</summary>
public static class TrialSpecBinder
{
    public const string Dataset = "dataset";
    public const string Task = "task";
    public const string Targets = "targets";
    public const string Validation = "validation";
    public const string Test = "test";
    public const string DataSeed = "data_seed";
    public const string Standardize = "standardize";
    public const string Model = "model";
    public const string Loss = "loss";
    public const string Optimizer = "optimizer";
    public const string LearningRate = "learning_rate";
    public const string WeightDecay = "weight_decay";
    public const string BatchSize = "batch_size";
    public const string Epochs = "epochs";
    public const string Seed = "seed";
    public const string Shuffle = "shuffle";
    public const string Trainer = "trainer";
    public const string Params = "params";

    /// <summary>The keys a trial spec accepts, in the order the writer uses.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        Dataset, Task, Targets, Validation, Test, DataSeed, Standardize, Model, Loss, Optimizer,
        LearningRate, WeightDecay, BatchSize, Epochs, Seed, Shuffle, Trainer, Params,
    ];

    /// <summary>Binds a parsed document; throws one <see cref="SpecException"/> with every error (reading errors included).</summary>
    public static TrialSpec Bind(SpecDocument document)
    {
        var ctx = new SpecBindContext(document);
        var spec = Bind(ctx, document.Root);
        ctx.ThrowIfInvalid();
        return spec;
    }

    /// <summary>Binds <paramref name="root"/>, reporting problems to <paramref name="ctx"/> (for reuse by other spec kinds).</summary>
    /// <param name="ignoredKeys">Keys the caller handles itself (e.g. a sweep's own section); they are skipped here.</param>
    /// <param name="field">Dotted path of <paramref name="root"/>; empty for a document root.</param>
    public static TrialSpec Bind(SpecBindContext ctx, SpecNode root, string field = "", IReadOnlySet<string>? ignoredKeys = null)
    {
        var spec = new TrialSpec();
        if (root is not SpecMapping mapping)
        {
            var found = root is SpecScalar { IsNull: true } ? "an empty document" : root.Describe();
            ctx.Error(field, root, $"a trial spec must be a mapping of keys to values (e.g. 'epochs: 30'), found {found}");
            return spec;
        }
        foreach (var entry in mapping.Entries)
        {
            if (ignoredKeys?.Contains(entry.Key) == true) continue;
            spec = BindEntry(ctx, spec, entry, field, ignoredKeys);
        }
        CheckLossAgainstTask(ctx, spec, mapping, field);
        CheckHeldOutShares(ctx, spec, mapping, field);
        if (mapping.Find(Trainer) is not null)
        {
            ExternalTrainerBinder.CheckEngineKeys(ctx, mapping, field);
            ExternalTrainerBinder.CheckSchedules(ctx, spec, mapping, field);
        }
        else if (mapping.Find(Params) is { } searched)
            ctx.Error(SpecPath.Key(field, Params), searched.KeyLine,
                "params are handed to a trainer of your own, and this spec has none: add trainer: { command: [...] }, or remove params");
        return spec;
    }

    private static TrialSpec BindEntry(SpecBindContext ctx, TrialSpec spec, SpecEntry entry, string parent, IReadOnlySet<string>? ignoredKeys)
    {
        var path = SpecPath.Key(parent, entry.Key);
        var node = entry.Value;
        switch (entry.Key)
        {
            case Dataset when SpecValues.TryString(ctx, node, path, out var s):
                return spec with { Dataset = s };
            case Task when SpecValues.TryEnum<TaskKind>(ctx, node, path, "task", out var task):
                return spec with { Task = task };
            case Targets when SpecValues.TryInt(ctx, node, path, out var n):
                SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (the number of trailing target columns)", n);
                return spec with { Targets = n };
            case Validation when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v >= 0 && v < 1, node, path, "must be in [0, 1) (a fraction, e.g. 0.2; 0 = no validation)", v);
                return spec with { Validation = v };
            case Test when SpecValues.TryNumber(ctx, node, path, out var t):
                SpecValues.Check(ctx, t >= 0 && t < 1, node, path, "must be in [0, 1) (a fraction, e.g. 0.1; 0 = no test split)", t);
                return spec with { Test = t };
            case DataSeed when SpecValues.TryLong(ctx, node, path, out var n):
                return spec with { DataSeed = n };
            case Standardize when SpecValues.TryBool(ctx, node, path, out var b):
                return spec with { Standardize = b };
            case Model:
                return spec with { Model = ModelSpecBinder.Bind(ctx, node, path) };
            case Loss when SpecValues.TryEnum<LossKind>(ctx, node, path, "loss", out var loss):
                return spec with { Loss = loss };
            case Optimizer:
                return spec with { Optimizer = OptimizerSpecBinder.Bind(ctx, node, path) };
            case LearningRate:
                return spec with { LearningRate = ScheduleSpecBinder.Bind(ctx, node, path, ScheduleTarget.LearningRate) };
            case WeightDecay:
                return spec with { WeightDecay = ScheduleSpecBinder.Bind(ctx, node, path, ScheduleTarget.WeightDecay) };
            case BatchSize:
                return spec with { BatchSize = ScheduleSpecBinder.Bind(ctx, node, path, ScheduleTarget.BatchSize) };
            case Epochs when SpecValues.TryInt(ctx, node, path, out var n):
                SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (e.g. 30)", n);
                return spec with { Epochs = n };
            case Seed when SpecValues.TryLong(ctx, node, path, out var n):
                return spec with { Seed = n };
            case Shuffle when SpecValues.TryBool(ctx, node, path, out var b):
                return spec with { Shuffle = b };
            case Trainer:
                return spec with { Trainer = ExternalTrainerBinder.Bind(ctx, node, path) };
            case Params:
                return spec with { Params = TrialParamsBinder.Bind(ctx, node, path) };
            case Dataset or Task or Targets or Validation or Test or DataSeed or Standardize or Loss or Epochs or Seed or Shuffle:
                return spec; // reported while reading the value
            default:
                var valid = ignoredKeys is null ? Keys : Keys.Concat(ignoredKeys);
                SpecValues.UnknownKey(ctx, entry, parent, valid, WhereItBelongs(entry.Key));
                return spec;
        }
    }

    /// <summary>"it belongs under 'optimizer'" for a nested key written at the top level.</summary>
    private static string? WhereItBelongs(string key) =>
        OptimizerSpecBinder.Keys.Contains(key) && key != OptimizerSpecBinder.Type ? $"it belongs under '{Optimizer}', e.g. {Optimizer}: {{ {key}: ... }}"
        : ModelSpecBinder.Keys.Contains(key) ? $"it belongs under '{Model}', e.g. {Model}: {{ {key}: ... }}"
        : null;

    private static void CheckLossAgainstTask(SpecBindContext ctx, TrialSpec spec, SpecMapping mapping, string parent)
    {
        if (spec is { Loss: LossKind.CrossEntropy, Task: TaskKind.Regression } && mapping.Find(Loss) is { } loss)
        {
            ctx.Error(SpecPath.Key(parent, Loss), loss.Value,
                "cross_entropy needs task: classification; for task: regression use loss: mse (or omit loss)");
        }
    }

    /// <summary>The test and validation splits together must leave training rows.</summary>
    private static void CheckHeldOutShares(SpecBindContext ctx, TrialSpec spec, SpecMapping mapping, string parent)
    {
        if (spec.Test <= 0 || !(spec.Test < 1) || !(spec.Validation < 1) || spec.Test + spec.Validation < 1) return;
        if (mapping.Find(Test) is not { } test) return;
        ctx.Error(SpecPath.Key(parent, Test), test.Value,
            $"test + validation must be < 1 so that rows are left to train on, found test {SpecValues.Format(spec.Test)} + validation {SpecValues.Format(spec.Validation)}");
    }
}
