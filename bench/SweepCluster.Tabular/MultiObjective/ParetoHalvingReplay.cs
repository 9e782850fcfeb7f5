// One run of the multi-objective measurement: N trials drawn at random from the table's space (each configuration's
// active dimensions uniformly, independently, as random search; each trial a table seed drawn at random), full
// training's front among them, and how much of it each successive-halving variant keeps for what fraction of the
// epochs. Deterministic from the run's seed. It does not aggregate runs or print.
using SweepCluster.Tabular.Table;

namespace SweepCluster.Tabular.MultiObjective;

/// <summary>One variant's result in one run.</summary>
/// <param name="Settings">The successive-halving variant.</param>
/// <param name="Front">What it kept of full training's front.</param>
/// <param name="EpochFraction">Its epochs / full training's epochs.</param>
/// <param name="Finished">How many trials it trained to the end.</param>
public sealed record HalvingResult(HalvingSettings Settings, FrontKept Front, double EpochFraction, int Finished);

public static class ParetoHalvingReplay
{
    /// <summary>Draws <paramref name="trials"/> trials from <paramref name="seed"/>, then runs every variant on them.</summary>
    public static IReadOnlyList<HalvingResult> Run(DatasetTable table, int trials, int seed, IReadOnlyList<HalvingSettings> variants)
    {
        var drawn = Draw(table, trials, seed);
        var full = drawn.Select(t => TableObjectives.Full(table, t)).ToArray();
        var fullEpochs = drawn.Sum(t => (long)TableObjectives.EpochsTrained(table, t, table.Metadata.Epochs));
        return variants.Select(settings =>
        {
            var outcome = SynchronousHalving.Run(table, drawn, settings);
            return new HalvingResult(settings, FrontComparison.Compare(full, outcome.Finished), (double)outcome.Epochs / fullEpochs, outcome.Finished.Count);
        }).ToArray();
    }

    /// <summary><paramref name="count"/> random trials: configurations as random search draws them, seeds uniformly from the table's.</summary>
    public static IReadOnlyList<TableTrial> Draw(DatasetTable table, int count, int seed)
    {
        var random = new Random(seed);
        var seeds = table.Metadata.Seeds;
        return Enumerable.Range(0, count)
            .Select(_ => new TableTrial(table.Space.Build((_, dimension) => random.Next(dimension.Choices.Count)), seeds[random.Next(seeds.Count)]))
            .ToArray();
    }
}
