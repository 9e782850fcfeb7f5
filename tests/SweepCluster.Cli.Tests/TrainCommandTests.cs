using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli.Tests;

public sealed class TrainCommandTests
{
    private const string IrisSpec = """
        dataset: iris
        validation: 0.2
        model: { hidden: [16], activation: tanh, init: xavier }
        optimizer: { type: adam }
        learning_rate: { schedule: cosine, initial: 0.01, final: 0.001 }
        weight_decay: 1e-4
        batch_size: 16
        epochs: 6
        seed: 4
        """;

    [Fact]
    public void TrainsAndWritesHistoryAndWeights()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("iris.yaml", IrisSpec);
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec),
            SaveWeights: new FileInfo(dir.File("w.json")), History: new FileInfo(dir.File("h.csv"))));
        Assert.Equal(0, exit);
        Assert.Contains("Completed", output);
        Assert.Contains("network 4-16-3 tanh", output);
        var history = File.ReadAllLines(dir.File("h.csv"));
        Assert.Equal("epoch,step,train_loss,val_loss,val_metric,learning_rate,weight_decay,batch_size,train_metric,val_r2", history[0]);
        Assert.Equal(7, history.Length);
        Assert.StartsWith("6,48,", history[^1]); // 120 training rows / 16 = 8 steps per epoch
        Assert.Contains("\"layers\":[{\"weight\":[[", File.ReadAllText(dir.File("w.json")));
    }

    [Fact]
    public void WarmStartFromSavedWeightsContinuesWhereTheFirstRunEnded()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("iris.yaml", IrisSpec);
        var weights = new FileInfo(dir.File("w.json"));
        CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec), SaveWeights: weights, History: new FileInfo(dir.File("a.csv"))));
        var (exit, _) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec), InitWeights: weights, History: new FileInfo(dir.File("b.csv"))));
        Assert.Equal(0, exit);
        double TrainLoss(string file, int row) => double.Parse(File.ReadAllLines(dir.File(file))[row].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(TrainLoss("b.csv", 1) < TrainLoss("a.csv", 1), "a warm start begins from trained weights");
    }

    [Fact]
    public void ABadSpecExitsWithTwoAndNamesTheFileAndField()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("bad.yaml", IrisSpec.Replace("schedule: cosine", "schedule: cosin"));
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec)));
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains("bad.yaml:5", output);
        Assert.Contains("learning_rate.schedule", output);
        Assert.Contains("did you mean 'cosine'", output);
    }

    [Fact]
    public void ABatchLargerThanTheTrainingSetNamesTheSpecFile()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("big.yaml", IrisSpec.Replace("batch_size: 16", "batch_size: 500"));
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec)));
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains("big.yaml: batch_size.initial: batch size 500 is larger than the training set (120 rows", output);
    }

    [Fact]
    public void WeightsOfTheWrongShapeAreRefusedWithTheLayerNamed()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("iris.yaml", IrisSpec);
        var weights = dir.File("w.json", """{"layers":[{"weight":[[1,2],[3,4]],"bias":[0,0]},{"weight":[[1]],"bias":[0]}]}""");
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec), InitWeights: new FileInfo(weights)));
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains("layers[0].weight: expected 4 rows of 16 values", output);
    }

    [Fact]
    public void StopThenResumeInANewProcessEqualsAnUninterruptedRunBitForBit()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("iris.yaml", IrisSpec.Replace("epochs: 6", "epochs: 5"));
        var checkpoint = dir.File("run.ckpt");

        var whole = CliRunner.Process("train", spec, "--history", dir.File("whole.csv"), "--save-weights", dir.File("whole.json"));
        Assert.True(whole.ExitCode == 0, whole.Output);
        var first = CliRunner.Process("train", spec, "--checkpoint", checkpoint, "--stop-after", "2");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("stopped after epoch 2", first.Output);
        var second = CliRunner.Process("train", spec, "--resume", checkpoint, "--history", dir.File("resumed.csv"), "--save-weights", dir.File("resumed.json"));
        Assert.True(second.ExitCode == 0, second.Output);

        Assert.Equal(File.ReadAllText(dir.File("whole.csv")), File.ReadAllText(dir.File("resumed.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("whole.json")), File.ReadAllBytes(dir.File("resumed.json")));
    }

    [Fact]
    public void ACorruptCheckpointIsRefusedClearly()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("iris.yaml", IrisSpec);
        var checkpoint = dir.File("bad.ckpt", "not a checkpoint");
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec), Resume: new FileInfo(checkpoint)));
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains("bad.ckpt: not a SweepCluster checkpoint", output);
    }
}
