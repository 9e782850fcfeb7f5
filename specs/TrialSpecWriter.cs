// Writes a TrialSpec back as YAML that TrialSpecLoader reads to an equal spec. Every field is written explicitly,
// except what a schedule family does not use (those fields load back as their defaults) and null optional fields.
// An adaptive schedule with a base is written without 'initial' (it loads back as the base's initial, which is what
// the binder sets). It does not validate: an invalid spec is written as is, and loading it reports the problems.
using System.Globalization;
using System.Text;
using SweepCluster.Core.Specs;
using K = SweepCluster.Specs.ScheduleKeys;

namespace SweepCluster.Specs;

/// <summary>Serialises trial specs to YAML.</summary>
public static class TrialSpecWriter
{
    private const string Indent = "  ";

    /// <summary>The spec as a YAML document (snake_case keys and values).</summary>
    public static string ToYaml(TrialSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var yaml = new StringBuilder();
        if (spec.Trainer is not null) return WriteExternal(yaml, spec);
        Line(yaml, 0, TrialSpecBinder.Dataset, Quote(spec.Dataset));
        if (spec.Task is { } task) Line(yaml, 0, TrialSpecBinder.Task, SpecNames.Of(task));
        Line(yaml, 0, TrialSpecBinder.Targets, Number(spec.Targets));
        Line(yaml, 0, TrialSpecBinder.Validation, Number(spec.Validation));
        if (spec.Test > 0) Line(yaml, 0, TrialSpecBinder.Test, Number(spec.Test));
        Line(yaml, 0, TrialSpecBinder.DataSeed, Number(spec.DataSeed));
        Line(yaml, 0, TrialSpecBinder.Standardize, Bool(spec.Standardize));
        WriteModel(yaml, spec.Model);
        if (spec.Loss is { } loss) Line(yaml, 0, TrialSpecBinder.Loss, SpecNames.Of(loss));
        WriteOptimizer(yaml, spec.Optimizer);
        WriteSchedule(yaml, 0, TrialSpecBinder.LearningRate, spec.LearningRate);
        WriteSchedule(yaml, 0, TrialSpecBinder.WeightDecay, spec.WeightDecay);
        WriteSchedule(yaml, 0, TrialSpecBinder.BatchSize, spec.BatchSize);
        Line(yaml, 0, TrialSpecBinder.Epochs, Number(spec.Epochs));
        Line(yaml, 0, TrialSpecBinder.Seed, Number(spec.Seed));
        Line(yaml, 0, TrialSpecBinder.Shuffle, Bool(spec.Shuffle));
        return yaml.ToString();
    }

    // A trial of the user's own program: its schedules, epochs and seed, the trainer and its params (the engine's keys
    // are refused beside a trainer).
    private static string WriteExternal(StringBuilder yaml, TrialSpec spec)
    {
        WriteSchedule(yaml, 0, TrialSpecBinder.LearningRate, spec.LearningRate);
        WriteSchedule(yaml, 0, TrialSpecBinder.WeightDecay, spec.WeightDecay);
        WriteSchedule(yaml, 0, TrialSpecBinder.BatchSize, spec.BatchSize);
        Line(yaml, 0, TrialSpecBinder.Epochs, Number(spec.Epochs));
        Line(yaml, 0, TrialSpecBinder.Seed, Number(spec.Seed));
        WriteTrainer(yaml, spec.Trainer!);
        if (spec.Params is { } values)
        {
            Line(yaml, 0, TrialSpecBinder.Params, null);
            foreach (var (name, literal) in values) Line(yaml, 1, name, literal); // JSON literals are YAML flow scalars
        }
        return yaml.ToString();
    }

    private static void WriteTrainer(StringBuilder yaml, ExternalTrainerSpec trainer)
    {
        Line(yaml, 0, TrialSpecBinder.Trainer, null);
        Line(yaml, 1, ExternalTrainerBinder.Command, $"[{string.Join(", ", trainer.Command.Select(Quote))}]");
        if (trainer.Workdir is { } workdir) Line(yaml, 1, ExternalTrainerBinder.Workdir, Quote(workdir));
        if (trainer.Env.Count > 0)
        {
            Line(yaml, 1, ExternalTrainerBinder.Env, null);
            foreach (var (name, value) in trainer.Env) Line(yaml, 2, Quote(name), Quote(value));
        }
        if (trainer.TimeoutSeconds is { } timeout) Line(yaml, 1, ExternalTrainerBinder.TimeoutSeconds, Number(timeout));
        Line(yaml, 1, ExternalTrainerBinder.StopGraceSeconds, Number(trainer.StopGraceSeconds));
    }

    private static void WriteModel(StringBuilder yaml, ModelSpec model)
    {
        Line(yaml, 0, TrialSpecBinder.Model, null);
        Line(yaml, 1, ModelSpecBinder.Hidden, $"[{string.Join(", ", model.Hidden.Select(h => Number(h)))}]");
        Line(yaml, 1, ModelSpecBinder.Activation, SpecNames.Of(model.Activation));
        Line(yaml, 1, ModelSpecBinder.Init, SpecNames.Of(model.Init));
        Line(yaml, 1, ModelSpecBinder.NegativeSlope, Number(model.NegativeSlope));
    }

    private static void WriteOptimizer(StringBuilder yaml, OptimizerSpec optimizer)
    {
        Line(yaml, 0, TrialSpecBinder.Optimizer, null);
        Line(yaml, 1, OptimizerSpecBinder.Type, SpecNames.Of(optimizer.Type));
        Line(yaml, 1, OptimizerSpecBinder.Momentum, Number(optimizer.Momentum));
        Line(yaml, 1, OptimizerSpecBinder.Nesterov, Bool(optimizer.Nesterov));
        Line(yaml, 1, OptimizerSpecBinder.Beta1, Number(optimizer.Beta1));
        Line(yaml, 1, OptimizerSpecBinder.Beta2, Number(optimizer.Beta2));
        Line(yaml, 1, OptimizerSpecBinder.Eps, Number(optimizer.Eps));
        Line(yaml, 1, OptimizerSpecBinder.Alpha, Number(optimizer.Alpha));
        Line(yaml, 1, OptimizerSpecBinder.Centered, Bool(optimizer.Centered));
    }

    private static void WriteSchedule(StringBuilder yaml, int depth, string key, ScheduleSpec schedule)
    {
        Line(yaml, depth, key, null);
        var inner = depth + 1;
        Line(yaml, inner, K.Schedule, SpecNames.Of(schedule.Family));
        foreach (var own in K.OwnKeys[schedule.Family])
        {
            switch (own)
            {
                case K.Initial when schedule.Base is null || !K.OwnKeys[schedule.Family].Contains(K.Base):
                    Line(yaml, inner, K.Initial, Number(schedule.Initial));
                    break;
                case K.Base when schedule.Base is { } baseSchedule:
                    WriteSchedule(yaml, inner, K.Base, baseSchedule);
                    break;
                case K.Final: Line(yaml, inner, own, Number(schedule.Final)); break;
                case K.Alpha: Line(yaml, inner, own, Number(schedule.Alpha)); break;
                case K.Beta: Line(yaml, inner, own, Number(schedule.Beta)); break;
                case K.Gamma: Line(yaml, inner, own, Number(schedule.Gamma)); break;
                case K.StepSize when schedule.Milestones.Count == 0: Line(yaml, inner, own, Number(schedule.StepSize)); break;
                case K.Milestones when schedule.Milestones.Count > 0:
                    Line(yaml, inner, own, $"[{string.Join(", ", schedule.Milestones.Select(m => Number(m)))}]");
                    break;
                case K.Factor: Line(yaml, inner, own, Number(schedule.Factor)); break;
                case K.Patience: Line(yaml, inner, own, Number(schedule.Patience)); break;
                case K.Threshold: Line(yaml, inner, own, Number(schedule.Threshold)); break;
                case K.Cooldown: Line(yaml, inner, own, Number(schedule.Cooldown)); break;
                case K.Smoothing: Line(yaml, inner, own, Number(schedule.Smoothing)); break;
                case K.Power: Line(yaml, inner, own, Number(schedule.Power)); break;
                case K.Reference when schedule.Reference is { } reference: Line(yaml, inner, own, Number(reference)); break;
                case K.Values when schedule.Values is { } pieces:
                    Line(yaml, inner, own, $"[{string.Join(", ", pieces.Select(p => $"[{Number(p.Start)}, {Number(p.Value)}]"))}]");
                    break;
                case K.Layers when schedule.Layers is { } layers:
                    Line(yaml, inner, own, $"[{string.Join(", ", layers.Select(Number))}]");
                    break;
            }
        }
        if (schedule.Warmup != 0) Line(yaml, inner, K.Warmup, Number(schedule.Warmup));
        if (schedule.Every is { } every) Line(yaml, inner, K.Every, SpecNames.Of(every));
        if (schedule.Min is { } min) Line(yaml, inner, K.Min, Number(min));
        if (schedule.Max is { } max) Line(yaml, inner, K.Max, Number(max));
    }

    private static void Line(StringBuilder yaml, int depth, string key, string? value)
    {
        for (var i = 0; i < depth; i++) yaml.Append(Indent);
        yaml.Append(key).Append(':');
        if (value is not null) yaml.Append(' ').Append(value);
        yaml.Append('\n');
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case < ' ' or '\u007f': quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: quoted.Append(c); break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
