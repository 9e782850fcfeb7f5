using SweepCluster.Core;

namespace SweepCluster.Tuning.Tests;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData(TrialStatus.Pending, false)]
    [InlineData(TrialStatus.Running, false)]
    [InlineData(TrialStatus.Paused, false)]
    [InlineData(TrialStatus.Completed, true)]
    [InlineData(TrialStatus.Diverged, true)]
    [InlineData(TrialStatus.Failed, true)]
    [InlineData(TrialStatus.Cancelled, true)]
    [InlineData(TrialStatus.Pruned, true)]
    public void TerminalStates(TrialStatus status, bool terminal) => Assert.Equal(terminal, status.IsTerminal());

    [Fact]
    public void MetricGoalDecidesWhatIsBetter()
    {
        Assert.True(MetricSpec.DefaultClassification.IsBetter(0.9, 0.8));
        Assert.True(MetricSpec.DefaultRegression.IsBetter(0.1, 0.2));
        Assert.False(MetricSpec.DefaultRegression.IsBetter(0.2, 0.2));
    }
}
