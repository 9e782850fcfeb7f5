// Trains every configuration of the schedule table on each dataset under each seed with the engine, and returns the
// learning curves in a fixed order (dataset, configuration, seed), whatever the number of threads.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Tabular.Space;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Bench.Tabular;

/// <summary>What to generate: the datasets (with their fixed models), the seeds, the epoch budget, the threads.</summary>
public sealed record TableGeneration(IReadOnlyList<(string Dataset, int[] Hidden)> Datasets, IReadOnlyList<int> Seeds, int Epochs,
    double Validation, int Threads);

/// <summary>Runs the engine over the table's grid.</summary>
public static class TableGenerator
{
    /// <summary>Metric and loss recorded for the epoch a run diverged in.</summary>
    private const double DivergedMetric = 0;

    /// <summary>The description of the table <paramref name="generation"/> produces.</summary>
    public static TableMetadata Describe(TableGeneration generation) => new(
        TableMetadata.CurrentFormat,
        $"Learning-rate, weight-decay and batch-size schedules trained with the SweepCluster engine: a fixed ReLU MLP per dataset " +
        $"(He init, standardised inputs, {generation.Validation:0%} validation split with data seed 0), {generation.Epochs} epochs, " +
        $"every configuration of the grid under each seed (weight initialisation and shuffling).",
        generation.Epochs,
        generation.Seeds,
        "validation accuracy after the epoch (maximise); 0 for the epoch a run diverged in",
        "optimizer steps of the epoch (ceil(train rows / batch size)); the engine's time per epoch is close to proportional to it",
        generation.Datasets.Select(d => DatasetOf(d.Dataset, d.Hidden, generation)).ToArray(),
        ScheduleTableSpace.Dimensions);

    /// <summary>Every curve, ordered by dataset, then configuration (<see cref="TableSpace.Enumerate"/>), then seed.</summary>
    public static IReadOnlyList<TableCurve> Generate(TableGeneration generation)
    {
        var configurations = ScheduleTableSpace.Space.Enumerate();
        var work = (from d in generation.Datasets from c in configurations from s in generation.Seeds select (d.Dataset, d.Hidden, Configuration: c, Seed: s)).ToArray();
        var curves = new TableCurve[work.Length];
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = generation.Threads }, i =>
        {
            var (dataset, hidden, configuration, seed) = work[i];
            curves[i] = Train(ScheduleTableSpace.ToTrialSpec(configuration, dataset, hidden, generation.Epochs, seed, generation.Validation), configuration);
        });
        return curves;
    }

    private static TableCurve Train(TrialSpec spec, TableConfiguration configuration)
    {
        var data = TrainingDataLoader.Load(spec);
        var result = new Trainer(spec, data).Run();
        var metric = result.History.Select(r => r.ValMetric ?? throw new InvalidOperationException("the table needs a validation split")).ToList();
        var loss = result.History.Select(r => r.ValLoss ?? double.NaN).ToList();
        var end = result.Outcome == TrialOutcome.Completed ? CurveEnd.Completed : CurveEnd.Diverged;
        if (end == CurveEnd.Diverged)
        {
            metric.Add(DivergedMetric);
            loss.Add(double.NaN);
        }
        var steps = Enumerable.Range(0, metric.Count).Select(e => StepsOf(data.Train.Rows, ScheduleTableSpace.BatchSizeAt(configuration, e))).ToArray();
        if (end == CurveEnd.Completed && result.History[^1].Step != steps.Sum())
            throw new InvalidOperationException($"{spec.Dataset}: the engine took {result.History[^1].Step} steps, the table's cost model says {steps.Sum()}");
        return new TableCurve(spec.Dataset, configuration, (int)spec.Seed, end, metric, loss, steps);
    }

    private static int StepsOf(int rows, int batch) => (rows + batch - 1) / batch;

    private static TableDataset DatasetOf(string dataset, int[] hidden, TableGeneration generation)
    {
        var spec = ScheduleTableSpace.ToTrialSpec(ScheduleTableSpace.Space.Enumerate()[0], dataset, hidden, generation.Epochs, generation.Seeds[0], generation.Validation);
        var data = TrainingDataLoader.Load(spec);
        return new TableDataset(dataset, data.Train.Rows, data.Validation?.Rows ?? 0, hidden);
    }
}
