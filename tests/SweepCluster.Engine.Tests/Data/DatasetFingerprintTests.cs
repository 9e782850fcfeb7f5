// A data file's fingerprint: none for built-in datasets; a change or a removal is named with the file.
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class DatasetFingerprintTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sweepcluster-fingerprint-");

    [Theory]
    [InlineData("digits")]
    [InlineData("iris")]
    public void A_built_in_dataset_has_none(string name) => Assert.Null(DatasetFingerprint.Of(name, _folder.FullName));

    [Fact]
    public void A_file_resolves_against_the_base_directory_and_keeps_its_hash_until_its_content_changes()
    {
        var path = Path.Combine(_folder.FullName, "data.csv");
        File.WriteAllText(path, "x,label\n1,0\n2,1\n");

        var before = DatasetFingerprint.Of("data.csv", _folder.FullName)!;
        Assert.Equal(path, before.Path);
        Assert.Equal(64, before.Sha256.Length);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(1)); // touched, same content
        Assert.Null(DatasetFingerprint.Of("data.csv", _folder.FullName)!.ChangeSince(before.Sha256));

        File.WriteAllText(path, "x,label\n1,0\n2,0\n");
        var change = DatasetFingerprint.Of("data.csv", _folder.FullName)!.ChangeSince(before.Sha256);
        Assert.Contains($"its data file {path} has changed", change);
        Assert.Contains(before.Sha256[..12], change);

        File.Delete(path);
        Assert.Equal($"its data file {path} is gone", DatasetFingerprint.Of("data.csv", _folder.FullName)!.ChangeSince(before.Sha256));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
