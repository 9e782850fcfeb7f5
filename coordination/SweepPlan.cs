// What a sweep's spec and its extensions fix for its life, derived when the coordinator loads it: the searcher, every
// trial's combination, seed and planned epochs, and the trial scheduler's kind. Deterministic: the same spec and
// extensions give the same plan on any silo. An extension gives a new plan (Extend); the trials already planned keep
// their index, combination, seed and epochs. A model-based search (TPE, NSGA-II) also needs its stored suggestions: a
// combination not suggested yet is planned as suggested with no result visible (the same epochs, since TPE does not
// or NSGA-II searches epochs) and reported as not suggested (IsSuggested); WithSuggestion adds one without re-planning the rest.
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Coordination;

public sealed class SweepPlan
{
    private readonly int[] _trialEpochs;
    private readonly TrialLayout _layout;
    private readonly PlanConfigurations _keep;

    /// <summary>Every trial's configuration, by index, when the plan keeps them (<see cref="PlanConfigurations.Keep"/>).</summary>
    private readonly TrialConfiguration[]? _configurations;

    private SweepPlan(SweepSpec spec, ISearcher searcher, ImmutableList<SweepExtension> extensions, int[]? knownEpochs,
        PlanConfigurations keep, ImmutableList<SuggestedCombination> suggestions)
    {
        Spec = spec;
        Searcher = searcher;
        Extensions = extensions;
        Suggestions = suggestions;
        Seeds = [.. spec.Seeds, .. extensions.SelectMany(e => e.Seeds.IsDefault ? [] : e.Seeds)];
        _layout = new TrialLayout(spec.Combinations, spec.Seeds.Count, extensions);
        _trialEpochs = new int[_layout.TotalTrials];
        _keep = keep;
        var known = knownEpochs?.Length ?? 0;
        knownEpochs?.CopyTo(_trialEpochs, 0);
        if (keep == PlanConfigurations.Keep)
        {
            var configurations = new TrialConfiguration[_trialEpochs.Length];
            for (var i = 0; i < configurations.Length; i++) configurations[i] = Configuration(i);
            for (var i = known; i < _trialEpochs.Length; i++) _trialEpochs[i] = configurations[i].Spec.Epochs;
            _configurations = configurations;
        }
        else
        {
            for (var i = known; i < _trialEpochs.Length; i++) _trialEpochs[i] = Configuration(i).Spec.Epochs;
        }
        EpochsPlanned = _trialEpochs.Sum(e => (long)e);
    }

    /// <summary><paramref name="basis"/> with <paramref name="suggestions"/> (which extend its own).</summary>
    private SweepPlan(SweepPlan basis, ImmutableList<SuggestedCombination> suggestions)
    {
        Spec = basis.Spec;
        Searcher = basis.Searcher;
        Extensions = basis.Extensions;
        Seeds = basis.Seeds;
        Suggestions = suggestions;
        _layout = basis._layout;
        _trialEpochs = basis._trialEpochs; // never written after construction
        _keep = basis._keep;
        EpochsPlanned = basis.EpochsPlanned;
        if (basis._configurations is not { } kept) return;
        var configurations = (TrialConfiguration[])kept.Clone();
        for (var combination = basis.Suggestions.Count; combination < suggestions.Count; combination++)
        {
            foreach (var index in _layout.TrialsOf(combination)) configurations[index] = Bind(index, combination, suggestions[combination]);
        }
        _configurations = configurations;
    }

    public SweepSpec Spec { get; }
    public ISearcher Searcher { get; }
    public int TotalTrials => _trialEpochs.Length;

    /// <summary>A model-based search's suggestions by combination (empty for grid and random search).</summary>
    public ImmutableList<SuggestedCombination> Suggestions { get; }

    /// <summary>The searcher suggests combinations from results (TPE, NSGA-II), so each must be suggested before it runs.</summary>
    public bool IsAdaptive => Searcher is IModelSearcher;

    /// <summary>Whether trial <paramref name="index"/>'s combination is known: always for grid and random search.</summary>
    public bool IsSuggested(int index) => !IsAdaptive || _layout.Locate(index).Combination < Suggestions.Count;

    /// <summary>What was added to the spec's trials, in order (stored with the sweep).</summary>
    public ImmutableList<SweepExtension> Extensions { get; }

    /// <summary>Every seed of the sweep: the spec's, then those extensions added.</summary>
    public ImmutableArray<long> Seeds { get; }

    /// <summary>Combinations: the spec's, then those extensions drew.</summary>
    public int Combinations => _layout.Combinations;

    /// <summary>Epochs every trial would run to the end.</summary>
    public long EpochsPlanned { get; }

    /// <summary>The plan of <paramref name="spec"/>; <paramref name="keep"/> says whether it keeps every configuration.</summary>
    public static SweepPlan Create(SweepSpec spec, PlanConfigurations keep = PlanConfigurations.Recompute) =>
        new(spec, SearcherFactory.Create(spec), [], null, keep, []);

    /// <summary>The plan of a sweep stored with <paramref name="extensions"/> (this plan's spec, extended again; it
    /// keeps configurations if this one does).</summary>
    public SweepPlan WithExtensions(IReadOnlyList<SweepExtension> extensions) =>
        extensions.SequenceEqual(Extensions) ? this : new SweepPlan(Spec, Searcher, [.. extensions], null, _keep, Suggestions);

    /// <summary>This plan with <paramref name="extension"/>'s trials appended.</summary>
    public SweepPlan Extend(SweepExtension extension) => new(Spec, Searcher, Extensions.Add(extension), _trialEpochs, PlanConfigurations.Recompute, Suggestions);

    /// <summary>This plan with the stored <paramref name="suggestions"/> of a sweep (a restart, a report from the store).</summary>
    public SweepPlan WithSuggestions(IReadOnlyList<SuggestedCombination>? suggestions)
    {
        if (suggestions is null || suggestions.Count == 0 || suggestions.SequenceEqual(Suggestions)) return this;
        if (!IsAdaptive) throw new InvalidOperationException($"a {Spec.Strategy} search has no suggestions to restore");
        if (suggestions.Count > Combinations) throw new InvalidOperationException($"{suggestions.Count} suggestions stored for {Combinations} combinations");
        return new SweepPlan(Spec, Searcher, Extensions, _trialEpochs, _keep, [.. suggestions]);
    }

    /// <summary>This plan with the next combination's suggestion (combination <see cref="Suggestions"/>.Count).</summary>
    public SweepPlan WithSuggestion(SuggestedCombination suggestion)
    {
        if (!IsAdaptive) throw new InvalidOperationException($"a {Spec.Strategy} search takes no suggestions");
        if (Suggestions.Count >= Combinations) throw new InvalidOperationException($"every one of the {Combinations} combinations is suggested already");
        return new SweepPlan(this, Suggestions.Add(suggestion));
    }

    /// <summary>The trials of <paramref name="combination"/>, by index (one per seed).</summary>
    public IEnumerable<int> TrialsOf(int combination) => _layout.TrialsOf(combination);

    /// <summary>The planned epochs of trial <paramref name="index"/>.</summary>
    public int EpochsOf(int index) => _trialEpochs[index];

    public IReadOnlyList<int> TrialEpochs => _trialEpochs;

    /// <summary>The combination trial <paramref name="index"/> replicates.</summary>
    public int CombinationOf(int index) => _layout.Locate(index).Combination;

    /// <summary>A new trial scheduler of the spec's kind, in its initial state.</summary>
    public ITrialScheduler NewScheduler() => TrialSchedulerFactory.Create(Spec);

    /// <summary>Trial <paramref name="index"/> as its searcher proposes it: combination, seed, axes and spec (for a
    /// combination not suggested yet, as suggested with no result visible: see <see cref="IsSuggested"/>).</summary>
    public TrialConfiguration Configuration(int index)
    {
        if (_configurations is { } kept && index >= 0 && index < kept.Length && kept[index] is { } configuration) return configuration;
        var (combination, seedPosition) = _layout.Locate(index);
        return IsAdaptive && combination < Suggestions.Count
            ? Bind(index, combination, Suggestions[combination])
            : Searcher.Suggest(index, combination, Seeds[seedPosition]);
    }

    private TrialConfiguration Bind(int index, int combination, SuggestedCombination suggestion) =>
        ((IModelSearcher)Searcher).Bind(index, combination, Seeds[_layout.Locate(index).SeedPosition], suggestion.ToDictionary());

    /// <summary>The searcher's trial spec for <paramref name="index"/>.</summary>
    public TrialSpec SearcherSpec(int index) => Configuration(index).Spec;

    /// <summary>Trial <paramref name="index"/>'s searched values in words, e.g. "learning_rate=constant(0.05), seed=1".</summary>
    public string Describe(int index) => string.Join(", ", Configuration(index).Axes.Select(a => $"{a.Key}={a.Value}"));
}
