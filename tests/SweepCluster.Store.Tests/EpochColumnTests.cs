// Every metric a sweep can name has the epochs-table column that holds it, the one MetricSpec.ValueOf reads from a
// record; steps (a multi-objective sweep's cost) is the step column.
using SweepCluster.Core;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Study;

namespace SweepCluster.Store.Tests;

public sealed class EpochColumnTests
{
    [Fact]
    public void StepsIsTheStepColumn() => Assert.Equal(EpochsTable.Step, TrialPageReader.EpochColumnOf(MetricName.Steps));

    [Fact]
    public void EveryMetricHasAColumnOfTheEpochsTable() =>
        Assert.All(Enum.GetValues<MetricName>(), metric => Assert.False(string.IsNullOrEmpty(TrialPageReader.EpochColumnOf(metric))));
}
