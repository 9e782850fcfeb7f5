// The entry point for sweep specs: file or text → validated SweepSpec, or one SpecException with every error of the
// file. Steps: read (SpecDocument), split the root into sweep keys, trial keys and unknown keys, bind the sweep keys
// (SweepSettingsBinder), build the parameter space (ParameterSpaceBuilder), count the trials without materialising
// them and refuse more than SweepLimits.MaxTrialsWithoutAllowLarge unless allowLarge, bind the expanded trials
// (SweepSpaceValidator: every grid combination up to SweepLimits.MaxCombinationsValidatedExhaustively, else a cover
// in which every alternative of every axis appears; random search: the cover (distributions at their low end) plus
// the drawn combinations, up to the same limit), locate and bind the first points of search.first (FirstPointsBinder),
// then settle the metric and the objectives. It does not run trials or load datasets.
using System.Numerics;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Loads sweep specs from YAML or JSON.</summary>
public static class SweepSpecLoader
{
    /// <summary>Reads, parses and validates a .yaml/.yml/.json sweep spec; throws <see cref="SpecException"/> with every error.</summary>
    /// <param name="path">The spec file.</param>
    /// <param name="allowLarge">Accept more than <see cref="SweepLimits.MaxTrialsWithoutAllowLarge"/> trials (<c>--allow-large</c>).</param>
    public static SweepSpec Load(string path, bool allowLarge = false) => Bind(SpecDocument.Load(path), allowLarge);

    /// <summary>Parses and validates sweep spec text; throws <see cref="SpecException"/> with every error.</summary>
    /// <param name="text">The spec.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">Named in errors; its file name (without extension) is the default sweep name.</param>
    /// <param name="baseDirectory">Directory relative dataset paths resolve against; default: the current directory.</param>
    /// <param name="allowLarge">Accept more than <see cref="SweepLimits.MaxTrialsWithoutAllowLarge"/> trials.</param>
    public static SweepSpec Parse(string text, SpecFormat format, string sourceName = SpecError.InlineSource,
        string? baseDirectory = null, bool allowLarge = false) =>
        Bind(SpecDocument.Parse(text, format, sourceName, baseDirectory), allowLarge);

    private static SweepSpec Bind(SpecDocument document, bool allowLarge)
    {
        var ctx = new SpecBindContext(document);
        if (document.Root is not SpecMapping root)
        {
            ctx.Error("", document.Root, $"a sweep spec must be a mapping of keys to values (e.g. 'learning_rate: [0.1, 0.01]'), found {document.Root.Describe()}");
            ctx.ThrowIfInvalid();
            throw new InvalidOperationException("unreachable: an error was reported");
        }
        ReportUnknownKeys(ctx, root);
        var settings = SweepSettingsBinder.Bind(ctx, root);
        var trialPart = new SpecMapping(root.Line, root.Column, root.Entries.Where(entry => SweepKeys.TrialKeys.Contains(entry.Key)).ToArray());
        var space = ParameterSpaceBuilder.Build(ctx, trialPart, settings.Strategy, document.Format);
        var combinations = settings.Strategy == SearchStrategy.Grid ? space.GridCombinations : settings.RandomTrials;
        var countable = CheckTrialCount(ctx, combinations, settings.Seeds.Count, allowLarge);
        var validator = new SweepSpaceValidator(ctx);
        Validate(validator, space, settings, combinations, countable);
        var firstPoints = FirstPointsBinder.Bind(ctx, root.Find(SweepKeys.Search), settings, space, validator);
        SchedulerEpochCheck.Check(ctx, settings.Scheduler, SweepSettingsBinder.SchedulerEntry(root), validator.MaxEpochs);
        ModelSearchSpaceCheck.Check(ctx, settings, space, SweepSettingsBinder.SchedulerEntry(root), root.Find(TrialSpecBinder.Epochs)?.KeyLine);
        var metric = SweepMetricResolver.Resolve(ctx, settings, validator.Tasks);
        var objectives = SweepObjectivesResolver.Resolve(ctx, settings, validator.Tasks);
        ctx.ThrowIfInvalid();
        return new SweepSpec(space)
        {
            Name = settings.Name,
            Strategy = settings.Strategy,
            RandomTrials = settings.RandomTrials,
            SearchSeed = settings.SearchSeed,
            Tpe = settings.Tpe,
            NsgaII = settings.NsgaII,
            FirstPoints = firstPoints,
            Metric = metric,
            Objectives = objectives,
            Seeds = settings.Seeds,
            MaxConcurrent = settings.MaxConcurrent,
            Retries = settings.Retries,
            Checkpoints = settings.Checkpoints,
            KeyLines = root.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().KeyLine),
            SchedulerSettings = settings.Scheduler,
            Combinations = (int)combinations,
            Source = document.Source,
            BaseDirectory = document.BaseDirectory,
            Datasets = validator.Datasets,
        };
    }

    /// <summary>Top-level keys that are neither sweep nor trial keys: reported by the trial binder (did-you-mean over both).</summary>
    private static void ReportUnknownKeys(SpecBindContext ctx, SpecMapping root)
    {
        var unknown = root.Entries
            .Where(entry => !SweepKeys.TopLevelSet.Contains(entry.Key) && !TrialSpecBinder.Keys.Contains(entry.Key))
            .ToArray();
        if (unknown.Length > 0) TrialSpecBinder.Bind(ctx, new SpecMapping(root.Line, root.Column, unknown), "", SweepKeys.TopLevelSet);
    }

    /// <summary>Reports a sweep over the limit (or beyond what an int can index); true when combinations fit in a long.</summary>
    private static bool CheckTrialCount(SpecBindContext ctx, BigInteger combinations, int seeds, bool allowLarge)
    {
        var trials = combinations * seeds;
        var shown = $"{combinations:N0} combinations × {seeds} seed{(seeds == 1 ? "" : "s")} = {trials:N0} trials";
        if (trials > int.MaxValue)
        {
            ctx.Error("", (int?)null, $"the sweep expands to {shown}; a sweep can hold at most {int.MaxValue:N0} trials. Use fewer values per axis or random search");
        }
        else if (trials > SweepLimits.MaxTrialsWithoutAllowLarge && !allowLarge)
        {
            ctx.Error("", (int?)null,
                $"the sweep expands to {shown}, over the limit of {SweepLimits.MaxTrialsWithoutAllowLarge:N0}; use fewer values per axis " +
                "or random search, or pass --allow-large (allowLarge: true) to run it anyway");
        }
        return combinations <= long.MaxValue;
    }

    private static void Validate(SweepSpaceValidator validator, ParameterSpace space, SweepSettings settings, BigInteger combinations, bool countable)
    {
        if (!countable) return;
        if (settings.Strategy == SearchStrategy.Grid && combinations <= SweepLimits.MaxCombinationsValidatedExhaustively)
        {
            for (long combination = 0; combination < (long)combinations; combination++) validator.Check(space.Pick(combination));
            return;
        }
        foreach (var combination in space.Cover()) validator.Check(space.Pick(combination));
        if (settings.Strategy == SearchStrategy.Grid) return; // random and TPE draw from the same space
        var drawn = (long)BigInteger.Min(combinations, SweepLimits.MaxCombinationsValidatedExhaustively);
        for (long combination = 0; combination < drawn; combination++) validator.Check(space.Sample(settings.SearchSeed, combination));
    }
}
