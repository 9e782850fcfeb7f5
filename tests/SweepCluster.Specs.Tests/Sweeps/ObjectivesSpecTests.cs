// The objectives: key of a multi-objective sweep: its entries (a section or a bare name), their natural goals, which
// objective is the primary that ranks trials, and every mistake reported at its field and line with what would be valid.
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class ObjectivesSpecTests
{
    private static readonly MetricSpec Accuracy = new(MetricName.ValAccuracy, MetricGoal.Maximize);
    private static readonly MetricSpec Loss = new(MetricName.ValLoss, MetricGoal.Minimize);
    private static readonly MetricSpec Steps = new(MetricName.Steps, MetricGoal.Minimize);

    [Fact]
    public void ObjectivesAreReadInFileOrderAndTheFirstIsThePrimary()
    {
        var spec = Yaml("""
            objectives: [{ name: val_accuracy, goal: maximize }, steps]
            batch_size: [16, 64]
            """);
        Assert.Equal([Accuracy, Steps], spec.Objectives);
        Assert.Equal(Accuracy, spec.Metric);
        Assert.True(spec.IsMultiObjective);
    }

    [Fact]
    public void BareNamesGetTheirNaturalGoals()
    {
        var spec = Yaml("objectives: [val_loss, val_accuracy, steps]\n");
        Assert.Equal([Loss, Accuracy, Steps], spec.Objectives);
        Assert.Equal(Loss, spec.Metric);
        var regression = Yaml("task: regression\nobjectives: [val_r2, { name: val_rmse }]\n");
        Assert.Equal([MetricGoal.Maximize, MetricGoal.Minimize], regression.Objectives.Select(o => o.Goal));
    }

    [Fact]
    public void MetricNamesThePrimaryAmongTheObjectives()
    {
        var spec = Yaml("metric: val_accuracy\nobjectives: [steps, val_accuracy, val_loss]\n");
        Assert.Equal(Accuracy, spec.Metric);
        Assert.Equal([Steps, Accuracy, Loss], spec.Objectives);
    }

    [Fact]
    public void ASingleObjectiveSweepHasNoObjectives()
    {
        var spec = Yaml("metric: val_loss\n");
        Assert.Empty(spec.Objectives);
        Assert.False(spec.IsMultiObjective);
    }

    [Fact]
    public void FewerThanTwoObjectivesAreRefused()
    {
        var one = At(Errors("objectives: [val_accuracy]\n"), "objectives");
        Assert.Contains("at least 2 objectives (found 1)", one.Message);
        Assert.Contains("a single one is metric:", one.Message);
        Assert.Equal(1, one.Line);
        Assert.Contains("at least 2", At(Errors("objectives: []\n"), "objectives").Message);
        Assert.Contains("expected a list", At(Errors("objectives: val_accuracy\n"), "objectives").Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AMetricListedTwiceIsRefusedAtItsSecondEntry()
    {
        var error = At(Errors("objectives: [val_accuracy, steps, { name: val_accuracy }]\n"), "objectives[2]");
        Assert.Contains("val_accuracy is already objectives[0]; list each metric once", error.Message);
    }

    [Fact]
    public void UnknownNamesAndKeysAreRefusedWithWhatIsValid()
    {
        var errors = Errors("""
            objectives:
              - val_acc
              - { name: steps, gaol: minimize }
              - { goal: minimize }
            """);
        Assert.Contains("did you mean 'val_accuracy'?", At(errors, "objectives[0]").Message);
        Assert.Equal(2, At(errors, "objectives[0]").Line);
        Assert.Contains("did you mean 'goal'?", At(errors, "objectives[1].gaol").Message);
        Assert.Contains("an objective needs a name, one of val_accuracy, val_loss, val_rmse, val_r2, train_loss, steps", At(errors, "objectives[2]").Message);
    }

    [Fact]
    public void AGoalAgainstTheMetricsNaturalDirectionIsRefusedAsMetricRefusesIt()
    {
        var errors = Errors("objectives: [val_accuracy, { name: steps, goal: maximize }]\n");
        var error = At(errors, "objectives[1].goal");
        Assert.Contains("steps is better when smaller; use goal: minimize (or omit goal)", error.Message);
        Assert.Equal(1, error.Line);
        Assert.Contains("use goal: maximize", At(Errors("objectives: [{ name: val_accuracy, goal: minimize }, steps]\n"), "objectives[0].goal").Message);
    }

    [Fact]
    public void AnObjectiveTheTaskDoesNotProduceIsRefused()
    {
        var error = At(Errors("dataset: digits\nobjectives: [val_loss, val_rmse]\n"), "objectives[1].name");
        Assert.Contains("val_rmse exists only for task: regression", error.Message);
        Assert.Contains("valid for classification: val_accuracy, val_loss, train_loss, steps", error.Message);
    }

    [Fact]
    public void AMetricThatIsNotAnObjectiveIsRefused()
    {
        var error = At(Errors("metric: val_loss\nobjectives: [val_accuracy, steps]\n"), "metric.name");
        Assert.Contains("must be one of them: val_accuracy, steps", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void StepsIsACostThatNeverRanksTrials()
    {
        var asMetric = At(Errors("metric: steps\n"), "metric.name");
        Assert.Contains("steps is a cost, not a result to rank trials by", asMetric.Message);
        Assert.Contains("objectives: [val_accuracy, steps]", asMetric.Message);

        var first = At(Errors("objectives: [steps, val_accuracy]\n"), "objectives[0]");
        Assert.Contains("the first objective is the one trials are ranked by", first.Message);
        Assert.Contains("name it with metric:", first.Message);
        Assert.Equal(Accuracy, Yaml("metric: val_accuracy\nobjectives: [steps, val_accuracy]\n").Metric);
    }

    [Fact]
    public void TheRankingMetricsValidListLeavesStepsOut()
    {
        var error = At(Errors("dataset: digits\nmetric: val_rmse\n"), "metric.name");
        Assert.Contains("valid for classification: val_accuracy, val_loss, train_loss", error.Message);
        Assert.DoesNotContain("steps", error.Message);
    }
}
