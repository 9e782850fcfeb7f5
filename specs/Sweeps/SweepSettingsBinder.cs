// Binds the sweep-level keys of a sweep spec (name, search, metric, objectives, seeds / seed, max_concurrent, retries, scheduler,
// checkpoint_every / checkpoint_seconds)
// to SweepSettings, reporting every problem with its field path and line. It does not look at trial keys (the
// parameter space and the trial binder do) and does not pick the default metric (that needs the trials' task).
using SweepCluster.Core.Specs;
using SweepCluster.Core;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Binds the sweep-level keys of a sweep spec's root mapping.</summary>
internal static class SweepSettingsBinder
{
    /// <summary>What random, TPE and NSGA-II search need and lack without <c>trials</c>.</summary>
    private static string NeedsTrials(SearchStrategy strategy)
    {
        var name = SpecNames.Of(strategy);
        var verb = strategy is SearchStrategy.Tpe or SearchStrategy.Nsga2 ? "suggest" : "draw";
        return $"{name} search needs trials: N (how many combinations to {verb}), e.g. search: {{ strategy: {name}, trials: 20 }}";
    }

    /// <summary>Binds the sweep-level entries of <paramref name="root"/>.</summary>
    public static SweepSettings Bind(SpecBindContext ctx, SpecMapping root)
    {
        var name = BindName(ctx, root);
        var (strategy, trials, searchSeed, tpe, nsgaII) = BindSearch(ctx, root.Find(SweepKeys.Search));
        NsgaIISettingsBinder.CheckObjectives(ctx, root.Find(SweepKeys.Search), strategy, root.Find(SweepKeys.Objectives));
        var (metric, goal) = BindMetric(ctx, root.Find(SweepKeys.Metric));
        if (root.Find(TrialSpecBinder.Trainer) is { } trainer && root.Find(SweepKeys.Metric) is null && root.Find(SweepKeys.Objectives) is null)
        {
            ctx.Error(SweepKeys.Metric, trainer.KeyLine,
                "a sweep of your own trainer needs metric: the reported metric that ranks its trials and its goal, e.g. " +
                "metric: { name: val_accuracy, goal: maximize } (or objectives: for several)");
        }
        return new SweepSettings(
            name, strategy, trials, searchSeed, metric, goal, root.Find(SweepKeys.Metric)?.KeyLine,
            BindSeeds(ctx, root),
            BindCount(ctx, root.Find(SweepKeys.MaxConcurrent), 0, "0 = every free slot of the cluster"),
            BindCount(ctx, root.Find(SweepKeys.Retries), SweepLimits.DefaultRetries, "re-runs of a failed trial, e.g. 2"),
            BindScheduler(ctx, root),
            BindCheckpoints(ctx, root.Find(SweepKeys.CheckpointEvery), root.Find(SweepKeys.CheckpointSeconds)),
            tpe,
            ObjectivesBinder.Bind(ctx, root.Find(SweepKeys.Objectives)),
            nsgaII);
    }

    private static string BindName(SpecBindContext ctx, SpecMapping root)
    {
        if (root.Find(SweepKeys.Name) is not { } entry)
        {
            var fromFile = SweepNameRule.DefaultFor(ctx.Source);
            if (!SweepNameRule.IsValid(fromFile))
            {
                ctx.Error(SweepKeys.Name, (int?)null,
                    $"the file name gives the sweep name '{fromFile}', which is not valid; {SweepNameRule.Description}. Add a name: key");
            }
            return fromFile;
        }
        if (!SpecValues.TryString(ctx, entry.Value, SweepKeys.Name, out var name)) return SweepLimits.InlineDefaultName;
        if (!SweepNameRule.IsValid(name)) ctx.Error(SweepKeys.Name, entry.Value, $"{SweepNameRule.Description}; found '{name}'");
        return name;
    }

    private static (SearchStrategy Strategy, int Trials, long Seed, TpeSearchSettings? Tpe, NsgaIISearchSettings? NsgaII) BindSearch(SpecBindContext ctx, SpecEntry? entry)
    {
        if (entry is null) return (SearchStrategy.Grid, 0, 0, null, null);
        if (entry.Value is SpecScalar)
        {
            if (!SpecValues.TryEnum<SearchStrategy>(ctx, entry.Value, SweepKeys.Search, "search strategy", out var only)) return (SearchStrategy.Grid, 0, 0, null, null);
            if (only != SearchStrategy.Grid) ctx.Error(SweepKeys.Search, entry.Value, NeedsTrials(only));
            return (only, 0, 0, only == SearchStrategy.Tpe ? TpeSearchSettings.Default : null, only == SearchStrategy.Nsga2 ? NsgaIISearchSettings.Default : null);
        }
        if (SpecValues.Mapping(ctx, entry.Value, SweepKeys.Search, "{ strategy: random, trials: 20, seed: 0 }") is not { } mapping)
        {
            return (SearchStrategy.Grid, 0, 0, null, null);
        }
        var strategy = SearchStrategy.Grid;
        SpecEntry? trialsEntry = null, seedEntry = null;
        var trials = 0;
        long seed = 0;
        foreach (var item in mapping.Entries)
        {
            var path = SpecPath.Key(SweepKeys.Search, item.Key);
            switch (item.Key)
            {
                case SweepKeys.Strategy:
                    if (SpecValues.TryEnum<SearchStrategy>(ctx, item.Value, path, "search strategy", out var s)) strategy = s;
                    break;
                case SweepKeys.Trials:
                    trialsEntry = item;
                    if (SpecValues.TryInt(ctx, item.Value, path, out var n)
                        && SpecValues.Check(ctx, n >= 1, item.Value, path, "must be >= 1 (the number of combinations, e.g. 20)", n)) trials = n;
                    break;
                case SweepKeys.SearchSeed:
                    seedEntry = item;
                    if (SpecValues.TryLong(ctx, item.Value, path, out var v)) seed = v;
                    break;
                case SweepKeys.Scheduler:
                    break; // bound with the top-level form (SchedulerEntry)
                case SweepKeys.First:
                    break; // located in the parameter space once it is built (FirstPointsBinder)
                case var key when SweepKeys.TpeKeys.Contains(key):
                    break; // bound below, once the strategy is known (TpeSettingsBinder)
                case var key when SweepKeys.NsgaIIKeys.Contains(key):
                    break; // bound below, once the strategy is known (NsgaIISettingsBinder)
                default:
                    SpecValues.UnknownKey(ctx, item, SweepKeys.Search, SweepKeys.SearchKeys);
                    break;
            }
        }
        CheckSearchCombination(ctx, strategy, mapping, trialsEntry, seedEntry);
        var tpe = TpeSettingsBinder.Bind(ctx, mapping, strategy);
        var nsgaII = NsgaIISettingsBinder.Bind(ctx, mapping, strategy);
        return strategy == SearchStrategy.Grid ? (strategy, 0, 0, null, null) : (strategy, trials, seed, tpe, nsgaII);
    }

    private static void CheckSearchCombination(SpecBindContext ctx, SearchStrategy strategy, SpecMapping mapping, SpecEntry? trials, SpecEntry? seed)
    {
        if (strategy != SearchStrategy.Grid && trials is null)
        {
            ctx.Error(SweepKeys.Search, mapping, NeedsTrials(strategy));
        }
        foreach (var misplaced in new[] { trials, seed }.OfType<SpecEntry>().Where(_ => strategy == SearchStrategy.Grid))
        {
            ctx.Error(SpecPath.Key(SweepKeys.Search, misplaced.Key), misplaced.KeyLine,
                $"'{misplaced.Key}' applies only to strategy: random, tpe or nsga2; a grid runs every combination in file order");
        }
    }

    private static (MetricName? Name, MetricGoal? Goal) BindMetric(SpecBindContext ctx, SpecEntry? entry)
    {
        if (entry is null) return (null, null);
        if (entry.Value is SpecScalar)
        {
            return SpecValues.TryEnum<MetricName>(ctx, entry.Value, SweepKeys.Metric, "metric", out var only) ? (only, null) : (null, null);
        }
        if (SpecValues.Mapping(ctx, entry.Value, SweepKeys.Metric, "{ name: val_accuracy, goal: maximize }") is not { } mapping) return (null, null);
        MetricName? name = null;
        MetricGoal? goal = null;
        foreach (var item in mapping.Entries)
        {
            var path = SpecPath.Key(SweepKeys.Metric, item.Key);
            switch (item.Key)
            {
                case SweepKeys.MetricName:
                    if (SpecValues.TryEnum<MetricName>(ctx, item.Value, path, "metric", out var n)) name = n;
                    break;
                case SweepKeys.Goal:
                    if (SpecValues.TryEnum<MetricGoal>(ctx, item.Value, path, "goal", out var g)) goal = g;
                    break;
                default:
                    SpecValues.UnknownKey(ctx, item, SweepKeys.Metric, SweepKeys.MetricKeys);
                    break;
            }
        }
        return (name, goal);
    }

    private static IReadOnlyList<long> BindSeeds(SpecBindContext ctx, SpecMapping root)
    {
        var seedsEntry = root.Find(SweepKeys.Seeds);
        var seedEntry = root.Find(TrialSpecBinder.Seed);
        if (seedEntry is not null && seedsEntry is not null)
        {
            ctx.Error(TrialSpecBinder.Seed, seedEntry.KeyLine,
                "a sweep gives its trial seeds with 'seeds' (each combination runs once per seed); remove 'seed' and list it in seeds, e.g. seeds: [1, 2]");
        }
        if (seedsEntry is null)
        {
            if (seedEntry is null) return [SweepLimits.DefaultSeed];
            if (seedEntry.Value is SpecSequence)
            {
                ctx.Error(TrialSpecBinder.Seed, seedEntry.Value, "to run every combination with several seeds, write seeds: [1, 2, 3]; 'seed' takes one number");
                return [SweepLimits.DefaultSeed];
            }
            return SpecValues.TryLong(ctx, seedEntry.Value, TrialSpecBinder.Seed, out var single) ? [single] : [SweepLimits.DefaultSeed];
        }
        if (SpecValues.Sequence(ctx, seedsEntry.Value, SweepKeys.Seeds, "[1, 2, 3]") is not { } list) return [SweepLimits.DefaultSeed];
        if (list.Items.Count == 0)
        {
            ctx.Error(SweepKeys.Seeds, list, "an empty list gives no trials; give at least one seed, e.g. seeds: [1]");
            return [SweepLimits.DefaultSeed];
        }
        var seeds = new List<long>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = SpecPath.Index(SweepKeys.Seeds, i);
            if (!SpecValues.TryLong(ctx, list.Items[i], path, out var seed)) continue;
            if (seeds.Contains(seed)) ctx.Error(path, list.Items[i], $"seed {seed} is listed twice; each seed replicates every combination once");
            else seeds.Add(seed);
        }
        return seeds.Count > 0 ? seeds : [SweepLimits.DefaultSeed];
    }

    private static int BindCount(SpecBindContext ctx, SpecEntry? entry, int fallback, string meaning)
    {
        if (entry is null) return fallback;
        if (!SpecValues.TryInt(ctx, entry.Value, entry.Key, out var value)) return fallback;
        return SpecValues.Check(ctx, value >= 0, entry.Value, entry.Key, $"must be >= 0 ({meaning})", value) ? value : fallback;
    }

    private static CheckpointPolicy BindCheckpoints(SpecBindContext ctx, SpecEntry? every, SpecEntry? seconds)
    {
        if (every is not null && seconds is not null)
        {
            var later = every.KeyLine >= seconds.KeyLine ? every : seconds;
            ctx.Error(later.Key, later.KeyLine,
                $"give {SweepKeys.CheckpointEvery} (a checkpoint every N epochs) or {SweepKeys.CheckpointSeconds} (one after the first epoch " +
                "ending S seconds after the last), not both");
            return CheckpointPolicy.Default;
        }
        if (every is not null)
        {
            if (!SpecValues.TryInt(ctx, every.Value, every.Key, out var epochs)) return CheckpointPolicy.Default;
            return SpecValues.Check(ctx, epochs >= 1, every.Value, every.Key,
                "must be >= 1 (store a checkpoint every this many epochs; a trial on a lost silo resumes from the last one), e.g. 1", epochs)
                ? CheckpointPolicy.ByEpochs(epochs)
                : CheckpointPolicy.Default;
        }
        if (seconds is not null)
        {
            if (!SpecValues.TryNumber(ctx, seconds.Value, seconds.Key, out var value)) return CheckpointPolicy.Default;
            return SpecValues.Check(ctx, value > 0, seconds.Value, seconds.Key,
                "must be > 0 (store a checkpoint after the first epoch ending this many seconds after the last), e.g. 1", value)
                ? CheckpointPolicy.ByTime(value)
                : CheckpointPolicy.Default;
        }
        return CheckpointPolicy.Default;
    }

    /// <summary>
    /// The <c>scheduler:</c> entry and its field path: at the top level, or inside <c>search:</c> as in
    /// <c>search: { strategy: random, trials: 64, scheduler: { type: asha } }</c>; null when there is none.
    /// </summary>
    internal static (SpecEntry? Entry, string Path) SchedulerEntry(SpecMapping root) =>
        root.Find(SweepKeys.Scheduler) is { } top
            ? (top, SweepKeys.Scheduler)
            : (NestedScheduler(root), SpecPath.Key(SweepKeys.Search, SweepKeys.Scheduler));

    private static SpecEntry? NestedScheduler(SpecMapping root) => (root.Find(SweepKeys.Search)?.Value as SpecMapping)?.Find(SweepKeys.Scheduler);

    private static SchedulerSettings BindScheduler(SpecBindContext ctx, SpecMapping root)
    {
        var (entry, at) = SchedulerEntry(root);
        if (entry is not null && at == SweepKeys.Scheduler && NestedScheduler(root) is { } nested)
        {
            ctx.Error(SpecPath.Key(SweepKeys.Search, SweepKeys.Scheduler), nested.KeyLine,
                $"the scheduler is given twice, here and at the top level (line {entry.KeyLine}); keep one");
        }
        if (entry is null) return SchedulerSettings.Fifo;
        if (entry.Value is not SpecMapping mapping)
        {
            return SpecValues.TryEnum<SchedulerKind>(ctx, entry.Value, at, "scheduler", out var only)
                ? SchedulerSettings.Fifo with { Kind = only }
                : SchedulerSettings.Fifo;
        }
        if (mapping.Find(SweepKeys.SchedulerType) is not { } type)
        {
            ctx.Error(at, mapping, "a scheduler needs a type, e.g. { type: asha, min_epochs: 1, eta: 3 }");
            return SchedulerSettings.Fifo;
        }
        if (!SpecValues.TryEnum<SchedulerKind>(ctx, type.Value, SpecPath.Key(at, SweepKeys.SchedulerType), "scheduler", out var kind))
            return SchedulerSettings.Fifo;
        var settings = SchedulerSettings.Fifo with { Kind = kind };
        var valid = SweepKeys.SchedulerKeysFor(kind);
        foreach (var item in mapping.Entries.Where(item => item.Key != SweepKeys.SchedulerType))
        {
            var path = SpecPath.Key(at, item.Key);
            if (!valid.Contains(item.Key))
            {
                if (SweepKeys.SchedulerKeys.Contains(item.Key))
                    ctx.Error(path, item.KeyLine, $"'{item.Key}' does not apply to the {SpecNames.Of(kind)} scheduler; valid keys: {string.Join(", ", new[] { SweepKeys.SchedulerType }.Concat(valid))}");
                else
                    SpecValues.UnknownKey(ctx, item, at, new[] { SweepKeys.SchedulerType }.Concat(valid));
                continue;
            }
            settings = BindSchedulerKey(ctx, settings, item, path);
        }
        CheckPromotion(ctx, settings, mapping, at, multiObjective: root.Find(SweepKeys.Objectives) is not null);
        return settings;
    }

    // Pareto promotion needs objectives to rank by, and epsilon is a tolerance of pareto_front only.
    private static void CheckPromotion(SpecBindContext ctx, SchedulerSettings settings, SpecMapping mapping, string at, bool multiObjective)
    {
        var rule = settings.PromotionFor(multiObjective);
        if (rule != RungPromotion.Metric && !multiObjective && mapping.Find(SweepKeys.Promotion) is { } promotion)
        {
            ctx.Error(SpecPath.Key(at, SweepKeys.Promotion), promotion.KeyLine,
                $"promotion: {SpecNames.Of(rule)} ranks a rung by Pareto rank over several objectives: add objectives: with two or more " +
                "metrics (e.g. objectives: [val_accuracy, steps]), or leave promotion out to promote by the metric");
        }
        if (rule != RungPromotion.ParetoFront && mapping.Find(SweepKeys.Epsilon) is { } epsilon)
        {
            ctx.Error(SpecPath.Key(at, SweepKeys.Epsilon), epsilon.KeyLine,
                $"epsilon is the tolerance of promotion: {SpecNames.Of(RungPromotion.ParetoFront)} (the promotion here is {SpecNames.Of(rule)}); " +
                $"add promotion: {SpecNames.Of(RungPromotion.ParetoFront)} or remove epsilon");
        }
    }

    private static SchedulerSettings BindSchedulerKey(SpecBindContext ctx, SchedulerSettings settings, SpecEntry item, string path)
    {
        var node = item.Value;
        switch (item.Key)
        {
            case SweepKeys.MinEpochs when SpecValues.TryInt(ctx, node, path, out var n):
                return SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (the first rung's epochs, e.g. 1)", n) ? settings with { MinEpochs = n } : settings;
            case SweepKeys.Eta when SpecValues.TryInt(ctx, node, path, out var n):
                return SpecValues.Check(ctx, n >= 2, node, path, "must be a whole number >= 2 (the reduction factor, e.g. 3)", n) ? settings with { Eta = n } : settings;
            case SweepKeys.Promotion when SpecValues.TryEnum<RungPromotion>(ctx, node, path, "promotion", out var rule):
                return settings with { Promotion = rule };
            case SweepKeys.Epsilon when SpecValues.TryNumber(ctx, node, path, out var v):
                return SpecValues.Check(ctx, v is >= 0 and <= 1, node, path,
                    "must be in [0, 1]: the fraction of each objective's range at the rung that counts as a real difference (0: plain dominance), e.g. 0.1", v)
                    ? settings with { Epsilon = v }
                    : settings;
            case SweepKeys.Brackets when SpecValues.TryInt(ctx, node, path, out var n):
                return SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (1 is plain ASHA; leave it out for every bracket the epochs allow)", n) ? settings with { Brackets = n } : settings;
            case SweepKeys.GraceEpochs when SpecValues.TryInt(ctx, node, path, out var n):
                return SpecValues.Check(ctx, n >= 0, node, path, "must be >= 0 (epochs before a trial may be stopped)", n) ? settings with { GraceEpochs = n } : settings;
            case SweepKeys.MinTrials when SpecValues.TryInt(ctx, node, path, out var n):
                return SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (completed trials before the rule applies, e.g. 3)", n) ? settings with { MinTrials = n } : settings;
            case SweepKeys.Interval when SpecValues.TryInt(ctx, node, path, out var n):
                return SpecValues.Check(ctx, n >= 1, node, path, "must be >= 1 (epochs between exploit steps, e.g. 2)", n) ? settings with { Interval = n } : settings;
            case SweepKeys.Quantile when SpecValues.TryNumber(ctx, node, path, out var v):
                return SpecValues.Check(ctx, v > 0 && v <= 0.5, node, path, "must be in (0, 0.5] (e.g. 0.25)", v) ? settings with { Quantile = v } : settings;
            case SweepKeys.ResampleProbability when SpecValues.TryNumber(ctx, node, path, out var v):
                return SpecValues.Check(ctx, v >= 0 && v <= 1, node, path, "must be in [0, 1] (e.g. 0.25)", v) ? settings with { ResampleProbability = v } : settings;
            case SweepKeys.Factors:
                return BindFactors(ctx, node, path) is { } factors ? settings with { Factors = factors } : settings;
            default:
                return settings; // reported while reading the value
        }
    }

    private static IReadOnlyList<double>? BindFactors(SpecBindContext ctx, SpecNode node, string path)
    {
        if (SpecValues.Sequence(ctx, node, path, "[0.8, 1.2]") is not { } list) return null;
        var factors = new List<double>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = SpecPath.Index(path, i);
            if (SpecValues.TryNumber(ctx, list.Items[i], itemPath, out var v)
                && SpecValues.Check(ctx, v > 0 && double.IsFinite(v), list.Items[i], itemPath, "a factor must be > 0 (e.g. 0.8)", v)) factors.Add(v);
        }
        if (list.Items.Count == 0) ctx.Error(path, list, "give at least one factor, e.g. [0.8, 1.2]");
        return factors.Count > 0 ? factors : null;
    }
}
