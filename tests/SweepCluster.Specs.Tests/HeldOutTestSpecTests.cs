// The trial spec's `test` key: a held-out fraction in [0, 1), 0 by default, that leaves rows to train on together
// with `validation`; the writer round-trips it.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Tests;

public sealed class HeldOutTestSpecTests
{
    [Fact]
    public void TestDefaultsToNoSplit() => Assert.Equal(0, TrialSpecLoader.Parse("epochs: 3", SpecFormat.Yaml, "test.spec").Spec.Test);

    [Theory]
    [InlineData("test: 0.1", 0.1)]
    [InlineData("test: 0", 0.0)]
    [InlineData("test: 0.3\nvalidation: 0.6", 0.3)]
    public void TestBindsAFraction(string yaml, double expected) =>
        Assert.Equal(expected, TrialSpecLoader.Parse(yaml, SpecFormat.Yaml, "test.spec").Spec.Test);

    [Theory]
    [InlineData("test: 1", "must be in [0, 1)")]
    [InlineData("test: -0.1", "must be in [0, 1)")]
    [InlineData("test: [0.1]", "expected a number")]
    [InlineData("test: .nan", "must be a finite number")]
    public void TestOutsideItsRangeIsAnError(string yaml, string fragment) =>
        SpecAssert.HasError(SpecAssert.Errors(yaml), TrialSpecBinder.Test, 1, fragment);

    [Theory]
    [InlineData("validation: 0.5\ntest: 0.5", 2)]
    [InlineData("test: 0.9", 1)]
    public void TestAndValidationTogetherMustLeaveTrainingRows(string yaml, int line)
    {
        var error = SpecAssert.HasError(SpecAssert.Errors(yaml), TrialSpecBinder.Test, line, "test + validation must be < 1");
        Assert.Contains("validation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSumCheckIsTheOnlyErrorForTwoValidFractions() =>
        Assert.Single(SpecAssert.Errors("validation: 0.5\ntest: 0.6"));

    [Fact]
    public void TheJsonOfASpecWithoutATestSplitHasNoTestKey()
    {
        Assert.DoesNotContain("\"test\"", TrialSpecJson.Serialize(new TrialSpec()), StringComparison.Ordinal);
        var spec = new TrialSpec { Test = 0.1 };
        Assert.Contains("\"test\":0.1", TrialSpecJson.Serialize(spec), StringComparison.Ordinal);
        Assert.Equal(0.1, TrialSpecJson.Deserialize(TrialSpecJson.Serialize(spec)).Test);
    }

    [Fact]
    public void TheWriterRoundTripsTest()
    {
        var spec = new TrialSpec { Test = 0.15, Validation = 0.25 };
        SpecAssert.Equal(spec, TrialSpecLoader.Parse(TrialSpecWriter.ToYaml(spec), SpecFormat.Yaml, "test.spec").Spec);
    }
}
