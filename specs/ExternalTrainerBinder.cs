// Binds a spec's `trainer:` section (the user's own training program) and checks that a spec naming one leaves out
// the keys only the built-in engine reads (dataset, model, optimizer, ...). Every problem is reported at its field and
// line with what would be valid. It starts nothing: the silo's external executor runs the command.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>Binds <c>trainer: { command: [...], workdir: ., env: {...}, timeout_seconds: N, stop_grace_seconds: N }</c>.</summary>
public static class ExternalTrainerBinder
{
    public const string Command = "command";
    public const string Workdir = "workdir";
    public const string Env = "env";
    public const string TimeoutSeconds = "timeout_seconds";
    public const string StopGraceSeconds = "stop_grace_seconds";

    /// <summary>The keys of the trainer section, in the order the writer uses.</summary>
    public static readonly IReadOnlyList<string> Keys = [Command, Workdir, Env, TimeoutSeconds, StopGraceSeconds];

    private const string Example = "trainer: { command: [python3, train.py], workdir: . }";

    /// <summary>The trial keys only the built-in engine reads: refused beside an external trainer.</summary>
    public static readonly IReadOnlyList<string> EngineOnlyKeys =
    [
        TrialSpecBinder.Dataset, TrialSpecBinder.Task, TrialSpecBinder.Targets, TrialSpecBinder.Validation, TrialSpecBinder.Test,
        TrialSpecBinder.DataSeed, TrialSpecBinder.Standardize, TrialSpecBinder.Model, TrialSpecBinder.Loss, TrialSpecBinder.Optimizer,
        TrialSpecBinder.Shuffle,
    ];

    /// <summary>Binds the section at <paramref name="path"/>; null after reporting when it is not a mapping.</summary>
    public static ExternalTrainerSpec? Bind(SpecBindContext ctx, SpecNode node, string path)
    {
        if (SpecValues.Mapping(ctx, node, path, Example) is not { } mapping) return null;
        var trainer = new ExternalTrainerSpec();
        foreach (var entry in mapping.Entries)
        {
            var field = SpecPath.Key(path, entry.Key);
            switch (entry.Key)
            {
                case Command:
                    trainer = trainer with { Command = BindCommand(ctx, entry.Value, field) };
                    break;
                case Workdir when SpecValues.TryString(ctx, entry.Value, field, out var workdir):
                    if (workdir.Trim().Length == 0) ctx.Error(field, entry.Value, "give a folder (relative to the spec file's folder, e.g. '.'), or leave workdir out");
                    trainer = trainer with { Workdir = workdir };
                    break;
                case Env:
                    trainer = trainer with { Env = BindEnv(ctx, entry.Value, field) };
                    break;
                case TimeoutSeconds when SpecValues.TryNumber(ctx, entry.Value, field, out var seconds):
                    if (SpecValues.Check(ctx, seconds > 0 && double.IsFinite(seconds), entry.Value, field,
                            "must be > 0: the most one attempt may run, in seconds (e.g. 3600); leave it out for no limit", seconds))
                        trainer = trainer with { TimeoutSeconds = seconds };
                    break;
                case StopGraceSeconds when SpecValues.TryNumber(ctx, entry.Value, field, out var grace):
                    if (SpecValues.Check(ctx, grace >= 0 && double.IsFinite(grace), entry.Value, field,
                            $"must be >= 0: seconds between SIGTERM and SIGKILL when a trial is stopped (default {ExternalTrainerSpec.DefaultStopGraceSeconds})", grace))
                        trainer = trainer with { StopGraceSeconds = grace };
                    break;
                case Workdir or TimeoutSeconds or StopGraceSeconds:
                    break; // reported while reading the value
                default:
                    SpecValues.UnknownKey(ctx, entry, path, Keys);
                    break;
            }
        }
        if (mapping.Find(Command) is null) ctx.Error(path, mapping, $"a trainer needs a command, e.g. {Example}");
        return trainer;
    }

    /// <summary>Reports each engine-only key of <paramref name="root"/> beside a trainer.</summary>
    public static void CheckEngineKeys(SpecBindContext ctx, SpecMapping root, string parent)
    {
        foreach (var key in EngineOnlyKeys)
        {
            if (root.Find(key) is not { } entry) continue;
            ctx.Error(SpecPath.Key(parent, key), entry.KeyLine,
                $"'{key}' is read by the built-in engine only, and this spec names a trainer of its own: remove it, or pass it to " +
                $"your program as a searched value under params: (e.g. params: {{ {key}: ... }})");
        }
    }

    /// <summary>Reports each schedule of <paramref name="spec"/> that is an adaptive policy: it watches the engine's
    /// losses, gradients and layers, which a program of the user's own does not show.</summary>
    public static void CheckSchedules(SpecBindContext ctx, TrialSpec spec, SpecMapping root, string parent)
    {
        foreach (var (key, schedule) in new[] { (TrialSpecBinder.LearningRate, spec.LearningRate), (TrialSpecBinder.WeightDecay, spec.WeightDecay), (TrialSpecBinder.BatchSize, spec.BatchSize) })
        {
            if (!AdaptivePolicies.Contains(schedule.Family) || root.Find(key) is not { } entry) continue;
            ctx.Error(SpecPath.Key(parent, key), entry.Value,
                $"{SpecNames.Of(schedule.Family)} is an adaptive policy of the built-in engine (it watches the engine's losses, gradients or layers) and cannot drive a trainer of your own; " +
                "use a schedule family: constant, inverse_time, exponential, polynomial, step, cosine or recorded");
        }
    }

    private static readonly ScheduleFamily[] AdaptivePolicies = [ScheduleFamily.Plateau, ScheduleFamily.NoiseScale, ScheduleFamily.FanIn, ScheduleFamily.FeatureScale];

    private static IReadOnlyList<string> BindCommand(SpecBindContext ctx, SpecNode node, string field)
    {
        if (node is SpecScalar { IsNull: false } single)
        {
            if (single.Text.Trim().Contains(' '))
            {
                ctx.Error(field, node, $"give the program and its arguments as a list, e.g. command: [{string.Join(", ", single.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))}] (it is run without a shell)");
                return [];
            }
            return SpecValues.TryString(ctx, node, field, out var program) ? [program] : [];
        }
        if (SpecValues.Sequence(ctx, node, field, "[python3, train.py]") is not { } list) return [];
        if (list.Items.Count == 0)
        {
            ctx.Error(field, list, "give the program and its arguments, e.g. [python3, train.py]");
            return [];
        }
        var command = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemField = SpecPath.Index(field, i);
            if (list.Items[i] is SpecScalar { IsNull: false } scalar) command.Add(scalar.Text);
            else ctx.Error(itemField, list.Items[i], $"each part of the command is one word (a string), found {list.Items[i].Describe()}");
        }
        if (command.Count > 0 && command[0].Trim().Length == 0) ctx.Error(SpecPath.Index(field, 0), list.Items[0], "the program's name is empty");
        return command;
    }

    private static IReadOnlyDictionary<string, string> BindEnv(SpecBindContext ctx, SpecNode node, string field)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (SpecValues.Mapping(ctx, node, field, "env: { OMP_NUM_THREADS: 1 }") is not { } mapping) return env;
        foreach (var entry in mapping.Entries)
        {
            var name = SpecPath.Key(field, entry.Key);
            if (entry.Key.Length == 0 || entry.Key.Contains('=') || entry.Key.Contains('\0'))
                ctx.Error(name, entry.KeyLine, "an environment variable's name must be non-empty, without '='");
            else if (entry.Value is SpecScalar { IsNull: false } value) env[entry.Key] = value.Text;
            else ctx.Error(name, entry.Value, $"an environment variable's value is one string or number, found {entry.Value.Describe()}");
        }
        return env;
    }
}
