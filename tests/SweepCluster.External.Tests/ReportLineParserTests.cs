// The report line rules of docs/external-trainers.md, one table per kind of line.
namespace SweepCluster.External.Tests;

public sealed class ReportLineParserTests
{
    // line, epoch, metrics as "name=value" pairs separated by ';' ("name=null" for a missing value)
    [Theory]
    [InlineData("""{"epoch": 3, "val_accuracy": 0.91, "train_loss": 0.27}""", 3, "val_accuracy=0.91;train_loss=0.27")]
    [InlineData("""  {"epoch": 1}""", 1, "")]
    [InlineData("""{"epoch": 2, "val_loss": null, "train_loss": 1.5}""", 2, "val_loss=null;train_loss=1.5")]
    [InlineData("""{"epoch": 1, "x_1": -2.5e-3}""", 1, "x_1=-0.0025")]
    [InlineData("""{"epoch": 10, "val_accuracy": 1}""", 10, "val_accuracy=1")]
    [InlineData("""{"train_loss": 0.5, "epoch": 4}""", 4, "train_loss=0.5")]
    [InlineData("\t{\"epoch\":7,\"steps\":1200}   ", 7, "steps=1200")]
    public void Epoch_reports(string line, int epoch, string metrics)
    {
        var report = Assert.IsType<EpochReport>(ReportLineParser.Parse(line));
        Assert.Equal(epoch, report.Epoch);
        var expected = metrics.Length == 0
            ? []
            : metrics.Split(';').Select(pair => pair.Split('=')).Select(kv => (kv[0], kv[1] == "null" ? (double?)null : double.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(expected, report.Metrics.Select(kv => (kv.Key, kv.Value)).ToList());
    }

    // line, learning rate, weight decay, batch size (NaN / 0 = not given)
    [Theory]
    [InlineData("""{"applied": {"learning_rate": 0.05, "weight_decay": 0.0001, "batch_size": 64}}""", 0.05, 0.0001, 64)]
    [InlineData("""{"applied": {"learning_rate": 0.05}}""", 0.05, double.NaN, 0)]
    [InlineData("""{"applied": {"batch_size": 32}}""", double.NaN, double.NaN, 32)]
    [InlineData("""{"applied": {"batch_size": null, "weight_decay": 0}}""", double.NaN, 0.0, 0)]
    [InlineData("""{"applied": {}}""", double.NaN, double.NaN, 0)]
    public void Applied_lines(string line, double learningRate, double weightDecay, int batchSize)
    {
        var applied = Assert.IsType<AppliedReport>(ReportLineParser.Parse(line));
        Assert.Equal(double.IsNaN(learningRate) ? null : learningRate, applied.LearningRate);
        Assert.Equal(double.IsNaN(weightDecay) ? null : weightDecay, applied.WeightDecay);
        Assert.Equal(batchSize == 0 ? null : batchSize, applied.BatchSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("loading data")]
    [InlineData("epoch 3: val_accuracy 0.91")]
    [InlineData("""["epoch", 3]""")]
    [InlineData("""{"loss": 0.5}""")]
    [InlineData("{ not json and no report words }")]
    [InlineData("""  {'lr': 0.1}""")]
    [InlineData("""Epoch {"epoch": 3}""")]
    [InlineData("""{"message": "epoch done", "level": "info"}""")]
    [InlineData("""{"event": "applied warmup"}""")]
    [InlineData("{ epoch done, no colon after it }")]
    public void Log_lines(string line)
    {
        var log = Assert.IsType<LogLine>(ReportLineParser.Parse(line));
        Assert.Equal(line, log.Text);
    }

    // line, a fragment the reason must contain
    [Theory]
    [InlineData("""{'epoch': 1, 'val_accuracy': 0.9}""", "double quotes")]
    [InlineData("""{"epoch": 1, 'val_accuracy': 0.9}""", "double quotes")]
    [InlineData("""{"epoch": 1.5, "val_accuracy": 0.9}""", "\"epoch\" must be an integer, not 1.5")]
    [InlineData("""{"epoch": 1.0}""", "must be an integer")]
    [InlineData("""{"epoch": "1"}""", "must be an integer")]
    [InlineData("""{"epoch": null}""", "must be an integer")]
    [InlineData("""{"epoch": 2147483648}""", "must be an integer")]
    [InlineData("""{"epoch": 0}""", "from 1")]
    [InlineData("""{"epoch": -1}""", "from 1")]
    [InlineData("""{"epoch": 1, "val_accuracy": NaN}""", "finite numbers, not NaN")]
    [InlineData("""{"epoch": 1, "train_loss": Infinity}""", "finite numbers, not Infinity")]
    [InlineData("""{"epoch": 1, "train_loss": -Infinity}""", "finite numbers, not -Infinity")]
    [InlineData("""{"epoch": 1, "train_loss": 1e400}""", "metric \"train_loss\" must be a finite number or null")]
    [InlineData("""{"epoch": 1, "val_accuracy": "0.9"}""", "metric \"val_accuracy\" must be a finite number or null, not \"0.9\"")]
    [InlineData("""{"epoch": 1, "val_accuracy": true}""", "must be a finite number or null")]
    [InlineData("""{"epoch": 1, "val_accuracy": [0.9]}""", "must be a finite number or null")]
    [InlineData("""{"epoch": 1, "Val_Accuracy": 0.9}""", "metric name \"Val_Accuracy\" must match [a-z][a-z0-9_]*")]
    [InlineData("""{"epoch": 1, "2x": 0.9}""", "must match")]
    [InlineData("""{"epoch": 1, "val-accuracy": 0.9}""", "must match")]
    [InlineData("""{"epoch": 1, "val_accuracy": 0.9""", "not valid JSON")]
    [InlineData("""{"epoch": 1} and more""", "not valid JSON")]
    [InlineData("""{epoch: 1}""", "not valid JSON")]
    [InlineData("""{"epoch": 1, "epoch": 2}""", "appears twice")]
    [InlineData("""{"Epoch": 1}""", "are \"epoch\" and \"applied\", lowercase")]
    [InlineData("""{"epoch": 1, "applied": {}}""", "not both")]
    [InlineData("""{"applied": 0.1}""", "must be an object")]
    [InlineData("""{"applied": {}, "note": "x"}""", "holds only \"applied\"")]
    [InlineData("""{"applied": {"learning_rate": "high"}}""", "applied \"learning_rate\" must be a finite number or null")]
    [InlineData("""{"applied": {"momentum": 0.9}}""", "applied \"momentum\" is not one of learning_rate, weight_decay, batch_size")]
    [InlineData("""{"applied": {"batch_size": 32.5}}""", "positive integer")]
    [InlineData("""{"applied": {"batch_size": 0}}""", "positive integer")]
    [InlineData("""{"applied": {"learning_rate": NaN}}""", "finite numbers, not NaN")]
    public void Malformed_lines(string line, string reason)
    {
        var malformed = Assert.IsType<MalformedLine>(ReportLineParser.Parse(line));
        Assert.Contains(reason, malformed.Reason, StringComparison.Ordinal);
        Assert.Contains(ReportLineParser.EpochExample, malformed.Expected, StringComparison.Ordinal);
        Assert.Contains(ReportLineParser.AppliedExample, malformed.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_examples_in_messages_are_valid_lines()
    {
        Assert.IsType<EpochReport>(ReportLineParser.Parse(ReportLineParser.EpochExample));
        Assert.IsType<AppliedReport>(ReportLineParser.Parse(ReportLineParser.AppliedExample));
    }
}
