// A sweep stored by an earlier version carried its data file's path, not its data: resume and extend refuse it with
// what to do, rather than start trials that silos could not load. A sweep that carries its data, or trains only on
// built-ins, goes on. In milliseconds, on the coordinator's plain check.
using SweepCluster.Abstractions;
using SweepCluster.Coordination;
using SweepCluster.Grains.Coordination;

namespace SweepCluster.Cluster.Tests.Data;

public sealed class WithoutDataTests
{
    private const string Spec = "dataset: [iris, data/points.csv]\nmetric: val_loss\nepochs: 1\nseeds: [1]\n";

    private static string? WithoutData(SweepSubmission submission) =>
        SubmissionCheck.WithoutData("s1", SweepPlan.Create(SubmissionCheck.Parse(submission)), submission);

    [Fact]
    public void ASweepStoredWithOnlyItsDataPathIsRefusedWithWhatToDo() =>
        Assert.Equal(
            "sweep s1 cannot go on: it was submitted without the data of \"data/points.csv\" (by an earlier version, which sent only its " +
            "path), and silos never open a file named in a spec. Submit the spec again as a new sweep",
            WithoutData(new SweepSubmission(Spec, "s1.yaml", "/old/folder", IsJson: false, AllowLarge: false)));

    [Fact]
    public void ASweepThatCarriesItsDataOrUsesOnlyBuiltInsGoesOn()
    {
        Assert.Null(WithoutData(new SweepSubmission(Spec, "s1.yaml", null, IsJson: false, AllowLarge: false,
            [new SweepDataFile("data/points.csv", new string('a', 64), 10, "/home/u/data/points.csv")])));
        Assert.Null(WithoutData(new SweepSubmission("dataset: iris\nepochs: 1\nseeds: [1]\n", "s2.yaml", null, IsJson: false, AllowLarge: false)));
    }
}
