// Binds one schedule node (a bare number or a mapping) to a ScheduleSpec for a given target (learning_rate,
// weight_decay, batch_size): family name, per-family keys, value ranges and the cross-key rules. A key belonging
// to another family is reported with the families that use it. It does not evaluate schedules (see Schedules/).
using System.Text.Json;
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>Binds schedule nodes to <see cref="ScheduleSpec"/>s, reporting every problem to the context.</summary>
public static class ScheduleSpecBinder
{
    private const string MappingExample = "{ schedule: cosine, initial: 0.1 }";
    private static readonly TrialSpec Defaults = new();

    /// <summary>Binds <paramref name="node"/> (a number means a constant schedule) for <paramref name="target"/>.</summary>
    /// <param name="field">Dotted path of the node, e.g. "learning_rate".</param>
    /// <returns>The schedule; when errors were reported it is partial and should not be used.</returns>
    public static ScheduleSpec Bind(SpecBindContext ctx, SpecNode node, string field, ScheduleTarget target) =>
        BindNode(ctx, node, field, target, isBase: false);

    /// <summary>The value used for <c>initial</c> when a schedule omits it.</summary>
    public static double DefaultInitial(ScheduleTarget target) => target switch
    {
        ScheduleTarget.LearningRate => Defaults.LearningRate.Initial,
        ScheduleTarget.WeightDecay => Defaults.WeightDecay.Initial,
        _ => Defaults.BatchSize.Initial,
    };

    private static ScheduleSpec BindNode(SpecBindContext ctx, SpecNode node, string field, ScheduleTarget target, bool isBase)
    {
        switch (node)
        {
            case SpecMapping mapping:
                return BindMapping(ctx, mapping, field, target, isBase);
            case SpecScalar { IsNull: false } scalar when LooksNumeric(scalar):
                if (!SpecValues.TryNumber(ctx, node, field, out var value)) return ScheduleSpec.ConstantOf(DefaultInitial(target));
                CheckInitial(ctx, node, field, target, value);
                return ScheduleSpec.ConstantOf(value);
            default:
                ctx.Error(field, node, $"expected a number (a constant) or a schedule mapping such as {MappingExample}, found {node.Describe()}");
                return ScheduleSpec.ConstantOf(DefaultInitial(target));
        }
    }

    private static ScheduleSpec BindMapping(SpecBindContext ctx, SpecMapping mapping, string field, ScheduleTarget target, bool isBase)
    {
        var family = BindFamily(ctx, mapping, field, target, isBase);
        var validKeys = family is { } known ? ScheduleKeys.For(known) : ScheduleKeys.All;
        var spec = new ScheduleSpec { Family = family ?? ScheduleFamily.Constant, Initial = DefaultInitial(target) };
        var nodes = new Dictionary<string, SpecEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key == ScheduleKeys.Schedule) continue;
            if (!ScheduleKeys.All.Contains(entry.Key))
            {
                SpecValues.UnknownKey(ctx, entry, field, validKeys, suggestFrom: ScheduleKeys.All);
                continue;
            }
            if (family is { } f && !validKeys.Contains(entry.Key))
            {
                var users = string.Join(", ", ScheduleKeys.FamiliesUsing(entry.Key).Select(SpecNames.Of));
                ctx.Error(SpecPath.Key(field, entry.Key), entry.KeyLine,
                    $"'{entry.Key}' does not apply to a {SpecNames.Of(f)} schedule; it is used by: {users}. " +
                    $"Valid keys for {SpecNames.Of(f)}: {string.Join(", ", validKeys)}");
                continue;
            }
            nodes[entry.Key] = entry;
            spec = BindKey(ctx, spec, entry, SpecPath.Key(field, entry.Key), target);
        }
        return CheckCombination(ctx, spec, mapping, nodes, field, target);
    }

    private static ScheduleFamily? BindFamily(SpecBindContext ctx, SpecMapping mapping, string field, ScheduleTarget target, bool isBase)
    {
        if (mapping.Find(ScheduleKeys.Schedule) is not { } entry) return ScheduleFamily.Constant;
        var path = SpecPath.Key(field, ScheduleKeys.Schedule);
        var allowed = ScheduleKeys.FamiliesFor(target).Where(f => !isBase || !IsAdaptive(f)).Select(SpecNames.Of).ToArray();
        var validList = $"Valid schedules{(isBase ? " for a base" : "")} for {ScheduleKeys.KeyOf(target)}: {string.Join(", ", allowed)}";
        if (entry.Value is not SpecScalar { IsNull: false } scalar || scalar.JsonKind is not (null or JsonTokenType.String))
        {
            ctx.Error(path, entry.Value, $"expected a schedule name, found {entry.Value.Describe()}. {validList}");
            return null;
        }
        if (!SpecNames.TryParse<ScheduleFamily>(scalar.Text, out var family))
        {
            var all = SpecNames.All<ScheduleFamily>();
            ctx.Error(path, scalar, SpecValues.Sentences(
                $"unknown schedule '{scalar.Text}'{SpecSuggest.DidYouMean(scalar.Text, all)}", validList));
            return null;
        }
        if (!ScheduleKeys.Allows(family, target))
        {
            var only = family == ScheduleFamily.NoiseScale ? "batch_size" : "learning_rate";
            ctx.Error(path, scalar, $"{SpecNames.Of(family)} is valid only under {only}. {validList}");
            return null;
        }
        if (isBase && IsAdaptive(family))
        {
            ctx.Error(path, scalar, $"a base schedule cannot itself be adaptive ({SpecNames.Of(family)}). {validList}");
            return null;
        }
        return family;
    }

    private static ScheduleSpec BindKey(SpecBindContext ctx, ScheduleSpec spec, SpecEntry entry, string path, ScheduleTarget target)
    {
        var node = entry.Value;
        switch (entry.Key)
        {
            case ScheduleKeys.Initial when SpecValues.TryNumber(ctx, node, path, out var v):
                CheckInitial(ctx, node, path, target, v);
                return spec with { Initial = v };
            case ScheduleKeys.Final when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v >= 0, node, path, "must be >= 0", v);
                return spec with { Final = v };
            case ScheduleKeys.Alpha when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v >= 0, node, path, "must be >= 0 (e.g. 0.01)", v);
                return spec with { Alpha = v };
            case ScheduleKeys.Beta when SpecValues.TryNumber(ctx, node, path, out var v):
                if (spec.Family == ScheduleFamily.Polynomial) SpecValues.Check(ctx, v > 0, node, path, "must be > 0 for polynomial (e.g. 1 for linear decay)", v);
                return spec with { Beta = v };
            case ScheduleKeys.Gamma when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v > 0, node, path, "must be > 0 (e.g. 0.1)", v);
                return spec with { Gamma = v };
            case ScheduleKeys.StepSize when SpecValues.TryLong(ctx, node, path, out var n):
                SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (e.g. 10)", n);
                return spec with { StepSize = n };
            case ScheduleKeys.Milestones:
                return spec with { Milestones = BindMilestones(ctx, node, path) };
            case ScheduleKeys.Warmup when SpecValues.TryLong(ctx, node, path, out var n):
                SpecValues.Check(ctx, n >= 0, node, path, "must be >= 0", n);
                return spec with { Warmup = n };
            case ScheduleKeys.Every when SpecValues.TryEnum<ScheduleClock>(ctx, node, path, "clock", out var clock):
                return spec with { Every = clock };
            case ScheduleKeys.Min when SpecValues.TryNumber(ctx, node, path, out var v):
                CheckBound(ctx, node, path, target, v);
                return spec with { Min = v };
            case ScheduleKeys.Max when SpecValues.TryNumber(ctx, node, path, out var v):
                CheckBound(ctx, node, path, target, v);
                return spec with { Max = v };
            case ScheduleKeys.Factor when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v > 0 && v < 1, node, path, "must be in (0, 1) (e.g. 0.1)", v);
                return spec with { Factor = v };
            case ScheduleKeys.Patience when SpecValues.TryInt(ctx, node, path, out var n):
                SpecValues.Check(ctx, n >= 0, node, path, "must be >= 0 (epochs, e.g. 10)", n);
                return spec with { Patience = n };
            case ScheduleKeys.Threshold when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v >= 0, node, path, "must be >= 0 (e.g. 1e-4)", v);
                return spec with { Threshold = v };
            case ScheduleKeys.Cooldown when SpecValues.TryInt(ctx, node, path, out var n):
                SpecValues.Check(ctx, n >= 0, node, path, "must be >= 0 (epochs)", n);
                return spec with { Cooldown = n };
            case ScheduleKeys.Smoothing when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v >= 0 && v < 1, node, path, "must be in [0, 1) (e.g. 0.9)", v);
                return spec with { Smoothing = v };
            case ScheduleKeys.Power when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v >= 0, node, path, "must be >= 0 (e.g. 0.5)", v);
                return spec with { Power = v };
            case ScheduleKeys.Reference when SpecValues.TryNumber(ctx, node, path, out var v):
                SpecValues.Check(ctx, v > 0, node, path, "must be > 0 (a fan-in, e.g. 64)", v);
                return spec with { Reference = v };
            case ScheduleKeys.Base:
                return spec with { Base = BindNode(ctx, node, path, target, isBase: true) };
            case ScheduleKeys.Values:
                var pieces = BindPieces(ctx, node, path, target);
                return spec with { Values = pieces, Initial = pieces.Count > 0 ? pieces[0].Value : spec.Initial };
            case ScheduleKeys.Layers:
                return spec with { Layers = BindLayers(ctx, node, path, target) };
            default:
                return spec; // the reader already reported the problem
        }
    }

    private static IReadOnlyList<long> BindMilestones(SpecBindContext ctx, SpecNode node, string path)
    {
        if (SpecValues.Sequence(ctx, node, path, "[30, 60, 90]") is not { } list) return [];
        var milestones = new List<long>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = SpecPath.Index(path, i);
            var item = list.Items[i];
            if (!SpecValues.TryLong(ctx, item, itemPath, out var t)) continue;
            if (SpecValues.Check(ctx, t >= 1, item, itemPath, "must be >= 1", t)
                && milestones.Count > 0 && t <= milestones[^1])
            {
                ctx.Error(itemPath, item, $"milestones must be strictly increasing, e.g. [30, 60, 90]; {t} follows {milestones[^1]}");
            }
            milestones.Add(t);
        }
        return milestones;
    }

    private const string PiecesExample = "[[0, 0.1], [1500, 0.05]]";

    // recorded: [[t, value], ...], t starting at 0 and strictly increasing; values in the target's range.
    private static IReadOnlyList<SchedulePiece> BindPieces(SpecBindContext ctx, SpecNode node, string path, ScheduleTarget target)
    {
        if (SpecValues.Sequence(ctx, node, path, PiecesExample) is not { } list) return [];
        var pieces = new List<SchedulePiece>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = SpecPath.Index(path, i);
            if (list.Items[i] is not SpecSequence { Items.Count: 2 } pair)
            {
                ctx.Error(itemPath, list.Items[i], $"expected a piece [t, value], e.g. {PiecesExample}, found {list.Items[i].Describe()}");
                continue;
            }
            if (!SpecValues.TryLong(ctx, pair.Items[0], SpecPath.Index(itemPath, 0), out var start)
                || !SpecValues.TryNumber(ctx, pair.Items[1], SpecPath.Index(itemPath, 1), out var value)) continue;
            var expectedFirst = pieces.Count == 0 && start != 0;
            if (expectedFirst) ctx.Error(SpecPath.Index(itemPath, 0), pair.Items[0], $"the first piece starts at t = 0, found {start}");
            else if (pieces.Count > 0 && start <= pieces[^1].Start)
                ctx.Error(SpecPath.Index(itemPath, 0), pair.Items[0], $"pieces must start at strictly increasing t; {start} follows {pieces[^1].Start}");
            CheckRecordedValue(ctx, pair.Items[1], SpecPath.Index(itemPath, 1), target, value);
            pieces.Add(new SchedulePiece(start, value));
        }
        if (list.Items.Count == 0) ctx.Error(path, list, $"a recorded schedule needs at least one piece, e.g. {PiecesExample}");
        return pieces;
    }

    private static void CheckRecordedValue(SpecBindContext ctx, SpecNode node, string path, ScheduleTarget target, double value)
    {
        if (target == ScheduleTarget.BatchSize) CheckInitial(ctx, node, path, target, value);
        else SpecValues.Check(ctx, value >= 0 && double.IsFinite(value), node, path, "must be a finite number >= 0", value);
    }

    private static IReadOnlyList<double>? BindLayers(SpecBindContext ctx, SpecNode node, string path, ScheduleTarget target)
    {
        if (target != ScheduleTarget.LearningRate)
        {
            ctx.Error(path, node, "per-layer multipliers apply only to a recorded learning_rate");
            return null;
        }
        if (SpecValues.Sequence(ctx, node, path, "[1, 0.5, 0.25]") is not { } list) return null;
        var layers = new List<double>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = SpecPath.Index(path, i);
            if (!SpecValues.TryNumber(ctx, list.Items[i], itemPath, out var v)) continue;
            SpecValues.Check(ctx, v > 0 && double.IsFinite(v), list.Items[i], itemPath, "a layer multiplier must be > 0", v);
            layers.Add(v);
        }
        return layers;
    }

    private static ScheduleSpec CheckCombination(
        SpecBindContext ctx, ScheduleSpec spec, SpecMapping mapping, Dictionary<string, SpecEntry> nodes, string field, ScheduleTarget target)
    {
        var familyName = SpecNames.Of(spec.Family);
        if (spec.Family == ScheduleFamily.Step)
        {
            var hasSize = nodes.ContainsKey(ScheduleKeys.StepSize);
            if (nodes.TryGetValue(ScheduleKeys.Milestones, out var milestones) && hasSize)
            {
                ctx.Error(SpecPath.Key(field, ScheduleKeys.Milestones), milestones.KeyLine,
                    "give either step_size (a period) or milestones (a list), not both");
            }
            else if (!hasSize && milestones is null)
            {
                ctx.Error(field, mapping, "a step schedule needs either step_size (e.g. step_size: 10) or milestones (e.g. milestones: [30, 60])");
            }
        }
        if (spec.Family == ScheduleFamily.Recorded && !nodes.ContainsKey(ScheduleKeys.Values))
        {
            ctx.Error(field, mapping, $"a recorded schedule needs values: its pieces [t, value], e.g. values: {PiecesExample}");
        }
        if (nodes.TryGetValue(ScheduleKeys.Base, out var baseEntry))
        {
            if (nodes.ContainsKey(ScheduleKeys.Initial))
            {
                ctx.Error(SpecPath.Key(field, ScheduleKeys.Base), baseEntry.KeyLine,
                    $"give either initial (a constant start) or base (a schedule to modulate) for {familyName}, not both");
            }
            else if (spec.Base is { } baseSpec)
            {
                spec = spec with { Initial = baseSpec.Initial };
            }
        }
        if (spec is { Min: { } min, Max: { } max } && min > max && nodes.TryGetValue(ScheduleKeys.Max, out var maxEntry))
        {
            ctx.Error(SpecPath.Key(field, ScheduleKeys.Max), maxEntry.Value,
                $"must be >= min ({SpecValues.Format(min)}), found {SpecValues.Format(max)}");
        }
        if (target == ScheduleTarget.BatchSize && spec.Every == ScheduleClock.Step
            && spec.Family is ScheduleFamily.Polynomial or ScheduleFamily.Cosine
            && nodes.TryGetValue(ScheduleKeys.Every, out var every))
        {
            ctx.Error(SpecPath.Key(field, ScheduleKeys.Every), every.Value,
                $"a batch_size {familyName} schedule cannot count steps: its length in steps depends on the batch size itself; use every: epoch (the default for batch_size)");
        }
        return spec;
    }

    private static void CheckInitial(SpecBindContext ctx, SpecNode node, string path, ScheduleTarget target, double value)
    {
        switch (target)
        {
            case ScheduleTarget.LearningRate:
                SpecValues.Check(ctx, value > 0, node, path, "a learning rate must be > 0 (e.g. 0.1)", value);
                break;
            case ScheduleTarget.WeightDecay:
                SpecValues.Check(ctx, value >= 0, node, path, "weight decay must be >= 0 (e.g. 1e-4)", value);
                break;
            default:
                SpecValues.Check(ctx, value >= 1 && Math.Floor(value) == value, node, path,
                    "a batch size must be a whole number >= 1 (e.g. 32)", value);
                break;
        }
    }

    private static void CheckBound(SpecBindContext ctx, SpecNode node, string path, ScheduleTarget target, double value)
    {
        if (target == ScheduleTarget.BatchSize)
            SpecValues.Check(ctx, value >= 1, node, path, "a batch size bound must be >= 1", value);
        else
            SpecValues.Check(ctx, value >= 0, node, path, "must be >= 0", value);
    }

    /// <summary>Plain/JSON numbers, and strings such as "0.1" or "NaN" (so their error says what is wrong with them).</summary>
    private static bool LooksNumeric(SpecScalar scalar) =>
        scalar.JsonKind is JsonTokenType.Number
        || SpecValues.IsNonFiniteWord(scalar.Text)
        || double.TryParse(scalar.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool IsAdaptive(ScheduleFamily family) => family >= ScheduleFamily.Plateau;
}
