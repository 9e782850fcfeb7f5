// The generated built-ins: shapes, determinism in the data seed, and the documented formulas.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class SyntheticDatasetTests
{
    [Fact]
    public void SyntheticRegressionHasShapeAndIsAFunctionOfTheSeed()
    {
        var a = SyntheticRegression.Generate(5);
        Assert.Equal((TaskKind.Regression, 1000, 10, 1), (a.Task, a.Rows, a.Features, a.Outputs));
        Assert.Equal(a.Inputs, SyntheticRegression.Generate(5).Inputs);
        Assert.Equal(a.Targets, SyntheticRegression.Generate(5).Targets);
        Assert.NotEqual(a.Inputs, SyntheticRegression.Generate(6).Inputs);
    }

    [Fact]
    public void SyntheticRegressionIsLinearUpToSmallNoise()
    {
        // Least squares on (x, 1) recovers a fit whose residual std is close to the 0.1 noise.
        var data = SyntheticRegression.Generate(11);
        var n = data.Features + 1;
        var normal = new double[n, n + 1];
        for (var row = 0; row < data.Rows; row++)
        {
            var x = data.Row(row).ToArray().Select(v => (double)v).Append(1.0).ToArray();
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++) normal[i, j] += x[i] * x[j];
                normal[i, n] += x[i] * data.Targets![row];
            }
        }
        var coefficients = Solve(normal, n);
        var residuals = Enumerable.Range(0, data.Rows).Select(row =>
        {
            var x = data.Row(row);
            var prediction = coefficients[^1];
            for (var j = 0; j < data.Features; j++) prediction += coefficients[j] * x[j];
            return data.Targets![row] - prediction;
        }).ToArray();
        var residualStd = Math.Sqrt(residuals.Select(r => r * r).Average());
        Assert.InRange(residualStd, 0.08, 0.12);
    }

    [Fact]
    public void SpiralsHasBalancedClassesOnTwoArms()
    {
        var data = Spirals.Generate(3);
        Assert.Equal((TaskKind.Classification, 1000, 2, 2), (data.Task, data.Rows, data.Features, data.Outputs));
        Assert.Equal(500, data.Labels!.Count(label => label == 1));
        Assert.Equal(data.Inputs, Spirals.Generate(3).Inputs);
        Assert.NotEqual(data.Inputs, Spirals.Generate(4).Inputs);
        var maxRadius = Enumerable.Range(0, data.Rows).Max(row => Math.Sqrt(data.Row(row)[0] * data.Row(row)[0] + data.Row(row)[1] * data.Row(row)[1]));
        Assert.InRange(maxRadius, Spirals.MaxRadius * 0.9, Spirals.MaxRadius + 1.5);
    }

    private static double[] Solve(double[,] augmented, int n)
    {
        for (var pivot = 0; pivot < n; pivot++)
        {
            for (var row = pivot + 1; row < n; row++)
            {
                var factor = augmented[row, pivot] / augmented[pivot, pivot];
                for (var column = pivot; column <= n; column++) augmented[row, column] -= factor * augmented[pivot, column];
            }
        }
        var solution = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = augmented[row, n];
            for (var column = row + 1; column < n; column++) sum -= augmented[row, column] * solution[column];
            solution[row] = sum / augmented[row, row];
        }
        return solution;
    }
}
