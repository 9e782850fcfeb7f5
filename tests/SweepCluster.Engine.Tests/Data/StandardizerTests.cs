// Feature statistics and standardization with training statistics.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class StandardizerTests
{
    // (3, 2): feature 0 = 1, 2, 3; feature 1 constant 5.
    private static readonly Dataset Train = new("t", TaskKind.Classification, [1, 5, 2, 5, 3, 5], 2, [0, 1, 0], null, 2);

    [Fact]
    public void FeatureStatisticsArePopulationMomentsAndMeanSquaredNorm()
    {
        var statistics = FeatureStatistics.Compute(Train);
        Assert.Equal([2.0, 5.0], statistics.Mean);
        Assert.Equal(Math.Sqrt(2.0 / 3.0), statistics.Std[0], 12);
        Assert.Equal(0.0, statistics.Std[1]);
        Assert.Equal((1 + 25 + 4 + 25 + 9 + 25) / 3.0, statistics.MeanSquaredNorm, 12);
    }

    [Fact]
    public void StandardizesWithTrainingStatisticsAndKeepsConstantFeaturesAtScaleOne()
    {
        var validation = new Dataset("v", TaskKind.Classification, [4, 7], 2, [1], null, 2);
        var (train, standardizedValidation) = Standardizer.FitAndApply(Train, validation);
        var std = Math.Sqrt(2.0 / 3.0);
        Assert.Equal([(float)(-1 / std), 0f, 0f, 0f, (float)(1 / std), 0f], train.Inputs);
        Assert.Equal([(float)(2 / std), 2f], standardizedValidation!.Inputs);
        Assert.Same(Train.Labels, train.Labels);
        Assert.Equal([1, 5, 2, 5, 3, 5], Train.Inputs); // the input is not modified

        var statistics = FeatureStatistics.Compute(train);
        Assert.Equal(0.0, statistics.Mean[0], 6);
        Assert.Equal(1.0, statistics.Std[0], 6);
    }

    [Fact]
    public void StandardizedBuiltInHasZeroMeanAndUnitStd()
    {
        var wine = DatasetCatalog.Load("wine", new DatasetRequest());
        var standardizer = Standardizer.Fit(wine);
        var statistics = FeatureStatistics.Compute(standardizer.Apply(wine));
        Assert.All(statistics.Mean, mean => Assert.InRange(mean, -1e-5, 1e-5));
        Assert.All(statistics.Std, std => Assert.InRange(std, 1 - 1e-5, 1 + 1e-5));
        Assert.Equal(wine.Features, statistics.MeanSquaredNorm, 3);
    }

    [Fact]
    public void RejectsMismatchedFeaturesAndEmptyData()
    {
        var standardizer = Standardizer.Fit(Train);
        Assert.Throws<ArgumentException>(() => standardizer.Apply(new Dataset("x", TaskKind.Classification, [1, 2, 3], 3, [0], null, 1)));
        Assert.Throws<ArgumentException>(() => FeatureStatistics.Compute(new Dataset("e", TaskKind.Classification, [], 2, [], null, 1)));
    }
}
