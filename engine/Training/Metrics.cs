using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Training;

/// <summary>Accuracy, RMSE and R² building blocks.</summary>
public static class Metrics
{
    /// <summary>Rows whose arg-max (first on ties) equals the label. logits: (rows, classes).</summary>
    public static int CountCorrect(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int rows, int classes)
    {
        var correct = 0;
        for (var row = 0; row < rows; row++)
        {
            var scores = logits.Slice(row * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++) if (scores[c] > scores[best]) best = c;
            if (best == labels[row]) correct++;
        }
        return correct;
    }

    /// <summary>Adds (prediction − target)² per output column. prediction, target: (rows, outputs).</summary>
    public static void AddSquaredErrors(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, int rows, int outputs, Span<double> perOutput)
    {
        for (var row = 0; row < rows; row++)
            for (var o = 0; o < outputs; o++)
            {
                double error = prediction[row * outputs + o] - target[row * outputs + o];
                perOutput[o] += error * error;
            }
    }

    public static double Rmse(ReadOnlySpan<double> squaredErrorPerOutput, int rows)
    {
        double total = 0;
        foreach (var e in squaredErrorPerOutput) total += e;
        return Math.Sqrt(total / (rows * squaredErrorPerOutput.Length));
    }

    /// <summary>1 − SS_res/SS_tot per target column, averaged (scikit-learn's 'uniform_average').</summary>
    public static double RSquared(ReadOnlySpan<double> squaredErrorPerOutput, Dataset data)
    {
        var outputs = data.Outputs;
        var targets = data.Targets!;
        double sum = 0;
        for (var o = 0; o < outputs; o++)
        {
            double mean = 0;
            for (var row = 0; row < data.Rows; row++) mean += targets[row * outputs + o];
            mean /= data.Rows;
            double total = 0;
            for (var row = 0; row < data.Rows; row++)
            {
                var d = targets[row * outputs + o] - mean;
                total += d * d;
            }
            sum += total > 0 ? 1.0 - squaredErrorPerOutput[o] / total : 0.0;
        }
        return sum / outputs;
    }
}
