// The held-out test split end to end in the engine: the loader carves it from the data by data_seed, apart from the
// training and validation rows; the trainer evaluates it once, on the final weights, and the numbers are what an
// independent evaluation of those weights on those rows gives.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Training;

namespace SweepCluster.Engine.Tests.Training;

public sealed class HeldOutTestEvaluationTests
{
    private const int Decimals = 9;

    private static TrialSpec Spec(string dataset, double test, long dataSeed = 3) => new()
    {
        Dataset = dataset,
        Validation = 0.2,
        Test = test,
        DataSeed = dataSeed,
        Standardize = false,
        Model = new ModelSpec { Hidden = [8] },
        LearningRate = ScheduleSpec.ConstantOf(0.05),
        Epochs = 3,
        Seed = 4,
    };

    private static IEnumerable<string> RowsOf(Dataset data) =>
        Enumerable.Range(0, data.Rows).Select(r => string.Join(',', data.Row(r).ToArray()));

    [Fact]
    public void TheTestSplitIsDisjointFromTrainingAndValidationAndTheyCoverTheData()
    {
        var whole = TrainingDataLoader.Load(Spec("synthetic-regression", 0) with { Validation = 0 }).Train;
        var data = TrainingDataLoader.Load(Spec("synthetic-regression", 0.1));
        Assert.NotNull(data.Test);
        Assert.NotNull(data.Validation);
        Assert.Equal((100, 200, 700), (data.Test.Rows, data.Validation.Rows, data.Train.Rows));
        var test = RowsOf(data.Test).ToHashSet();
        Assert.Empty(test.Intersect(RowsOf(data.Train)));
        Assert.Empty(test.Intersect(RowsOf(data.Validation)));
        Assert.Equal(RowsOf(whole).Order(), RowsOf(data.Train).Concat(RowsOf(data.Validation)).Concat(test).Order());
    }

    [Fact]
    public void TheTestSplitIsDecidedByTheDataSeed()
    {
        var first = TrainingDataLoader.Load(Spec("synthetic-regression", 0.1, dataSeed: 5)).Test!;
        var sameSeed = HeldOutSplit.Carve(TrainingDataLoader.Load(Spec("synthetic-regression", 0, dataSeed: 5) with { Validation = 0 }).Train, 0.1, 5).Test!;
        var otherSeed = TrainingDataLoader.Load(Spec("synthetic-regression", 0.1, dataSeed: 6)).Test!;
        Assert.Equal(first.Inputs, sameSeed.Inputs);
        Assert.NotEqual(RowsOf(first).Order(), RowsOf(otherSeed).Order());
    }

    [Fact]
    public void WithoutATestSplitTheValidationSplitIsUnchanged()
    {
        var data = TrainingDataLoader.Load(Spec("spirals", 0));
        var whole = TrainingDataLoader.Load(Spec("spirals", 0) with { Validation = 0 }).Train;
        Assert.Null(data.Test);
        Assert.Equal(DataSplit.Split(whole, 0.2, 3).Validation!.Inputs, data.Validation!.Inputs);
    }

    [Fact]
    public void ClassificationTestMetricIsTheFinalWeightsAccuracyAndLossOnTheTestRows()
    {
        var spec = Spec("spirals", 0.25);
        var data = TrainingDataLoader.Load(spec);
        var trainer = new Trainer(spec, data);
        var result = trainer.Run();
        var test = data.Test!;

        var (correct, loss) = (0, 0.0);
        for (var row = 0; row < test.Rows; row++)
        {
            var logits = trainer.Network.Forward(test.Row(row), 1).ToArray().Select(v => (double)v).ToArray();
            var max = logits.Max();
            var logSumExp = max + Math.Log(logits.Sum(z => Math.Exp(z - max)));
            loss += logSumExp - logits[test.Labels![row]];
            if (Array.IndexOf(logits, max) == test.Labels[row]) correct++;
        }
        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.NotNull(result.Test);
        Assert.Equal(250, result.Test.Rows);
        Assert.Equal((double)correct / test.Rows, result.Test.Metric, Decimals);
        Assert.Equal(loss / test.Rows, result.Test.Loss, 5);
        Assert.Null(result.Test.R2);
    }

    [Fact]
    public void RegressionTestMetricIsTheFinalWeightsRmseAndRSquaredOnTheTestRows()
    {
        var spec = Spec("synthetic-regression", 0.1);
        var data = TrainingDataLoader.Load(spec);
        var trainer = new Trainer(spec, data);
        var result = trainer.Run();
        var test = data.Test!;

        var squaredError = 0.0;
        for (var row = 0; row < test.Rows; row++)
        {
            var error = (double)trainer.Network.Forward(test.Row(row), 1)[0] - test.Targets![row];
            squaredError += error * error;
        }
        var mean = test.Targets!.Average(t => (double)t);
        var total = test.Targets!.Sum(t => ((double)t - mean) * ((double)t - mean));
        Assert.NotNull(result.Test);
        Assert.Equal(Math.Sqrt(squaredError / test.Rows), result.Test.Metric, 6);
        Assert.Equal(squaredError / test.Rows, result.Test.Loss, 6);
        Assert.Equal(1 - squaredError / total, result.Test.R2!.Value, 6);
    }

    [Fact]
    public void ATrialThatDoesNotCompleteHasNoTestEvaluation()
    {
        var spec = Spec("spirals", 0.25);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = new Trainer(spec, TrainingDataLoader.Load(spec)).Run(cancelled.Token);
        Assert.Equal(TrialOutcome.Cancelled, result.Outcome);
        Assert.Null(result.Test);
    }

    [Fact]
    public void WithoutATestSplitThereIsNoTestEvaluation() =>
        Assert.Null(new Trainer(Spec("spirals", 0), TrainingDataLoader.Load(Spec("spirals", 0))).Run().Test);
}
