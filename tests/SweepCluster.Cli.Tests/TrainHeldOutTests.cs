// `sweep train` with a held-out test split: the summary ends with the test rows' evaluation of the final weights.
using SweepCluster.Cli.Commands;
using SweepCluster.Core;

namespace SweepCluster.Cli.Tests;

public sealed class TrainHeldOutTests
{
    [Fact]
    public void A_classification_run_prints_its_test_loss_and_accuracy()
    {
        var line = TrainReport.HeldOutLine(new HeldOutEvaluation(0.25, 0.9375, null, 36));
        Assert.Equal("held-out test (36 rows, final weights; never used by the run): loss 0.25, accuracy 0.9375", line);
    }

    [Fact]
    public void A_regression_run_prints_its_test_rmse_and_r2()
    {
        var line = TrainReport.HeldOutLine(new HeldOutEvaluation(0.04, 0.2, 0.875, 100));
        Assert.Equal("held-out test (100 rows, final weights; never used by the run): loss 0.04, rmse 0.2, r2 0.875", line);
    }

    [Fact]
    public void Sweep_train_with_a_test_split_prints_the_held_out_line()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("trial.yaml", "dataset: iris\nvalidation: 0.2\ntest: 0.2\nepochs: 2\nmodel: { hidden: [8] }\n");
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec)));
        Assert.Equal(0, exit);
        Assert.Contains("30 held-out test rows", output);
        Assert.Contains("held-out test (30 rows, final weights; never used by the run): loss ", output);
    }

    [Fact]
    public void Without_a_test_split_nothing_about_it_is_printed()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("trial.yaml", "dataset: iris\nvalidation: 0.2\nepochs: 2\nmodel: { hidden: [8] }\n");
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(spec)));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("held-out", output);
    }
}
