// What resume and extend say of a data file that is no longer what the sweep was submitted with, in milliseconds:
// nothing when it is unchanged, a note naming the path and both hashes when it changed, and one naming the stored copy
// when it is gone.
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;

namespace SweepCluster.Cli.Tests.Data;

public sealed class DataFileNotesTests
{
    private static readonly string Stored = new('a', 64);
    private static readonly string Edited = new('b', 64);
    private static readonly SweepDataFile File = new("data/points.csv", Stored, 1234, "/home/u/specs/data/points.csv");

    [Fact]
    public void AnUnchangedFileGetsNoNote() => Assert.Empty(DataFileNotes.For("s1", [File], _ => Stored));

    [Fact]
    public void AChangedFileIsNamedWithBothHashesAndWhatToDo() =>
        Assert.Equal(
            "note: /home/u/specs/data/points.csv has changed since sweep s1 was submitted (SHA-256 aaaaaaaaaaaa…, now bbbbbbbbbbbb…); " +
            "the sweep trains on the copy stored then, so its results never mix two datasets. To train on the file as it is now, " +
            "submit the spec as a new sweep",
            Assert.Single(DataFileNotes.For("s1", [File], _ => Edited)));

    [Fact]
    public void AFileThatIsGoneIsNamedWithTheStoredCopy() =>
        Assert.Equal(
            "note: /home/u/specs/data/points.csv is not there any more; sweep s1 trains on the copy of data/points.csv stored when it " +
            "was submitted (SHA-256 aaaaaaaaaaaa…)",
            Assert.Single(DataFileNotes.For("s1", [File], _ => null)));
}
