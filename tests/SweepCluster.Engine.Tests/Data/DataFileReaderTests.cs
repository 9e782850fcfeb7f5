// The client's reading of a spec's data file: the path resolved against the spec's folder, hashed with SHA-256, and a
// clear refusal (file and what would be valid) for anything that is not a readable .csv file within the size limit.
// Non-CSV files such as /etc/passwd are refused without being read.
using System.Security.Cryptography;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class DataFileReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ARelativePathIsReadFromTheSpecFolderAndHashed()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "data"));
        var bytes = "a,b,label\n1,2,0\n"u8.ToArray();
        File.WriteAllBytes(Path.Combine(_temp.Path, "data", "points.csv"), bytes);

        var file = DataFileReader.Read("data/points.csv", _temp.Path);

        Assert.Equal(("data/points.csv", Path.Combine(_temp.Path, "data", "points.csv")), (file.Dataset, file.FullPath));
        Assert.Equal(bytes, file.Content.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Content.Sha256);
        Assert.True(ContentHash.IsSha256Hex(file.Content.Sha256));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/etc/shadow")]
    [InlineData("notes.txt")]
    public void APathThatIsNotACsvFileIsRefusedUnread(string dataset)
    {
        var error = Assert.Throws<DataFormatException>(() => DataFileReader.Read(dataset, _temp.Path));
        Assert.Contains("is not a .csv file; a dataset is a built-in name (iris,", error.Message);
        Assert.DoesNotContain("root", error.Message);
    }

    [Fact]
    public void AMissingFileAndAFolderAreNamed()
    {
        Assert.Contains("file not found", Assert.Throws<DataFormatException>(() => DataFileReader.Read("missing.csv", _temp.Path)).Message);
        Directory.CreateDirectory(Path.Combine(_temp.Path, "folder.csv"));
        Assert.Contains("is a folder", Assert.Throws<DataFormatException>(() => DataFileReader.Read("folder.csv", _temp.Path)).Message);
    }

    [Fact]
    public void AFileOverTheLimitIsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(_temp.Path, "big.csv");
        using (var stream = File.Create(path)) stream.SetLength(CsvContent.MaxBytes + 1); // sparse: nothing is written
        var error = Assert.Throws<DataFormatException>(() => DataFileReader.Read("big.csv", _temp.Path));
        Assert.Contains("over the limit of 256 MiB for a sweep's data file", error.Message);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("3F2A", false)]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true)]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", false)]
    public void OnlyLowerCaseSha256HexIsAContentHash(string text, bool valid) => Assert.Equal(valid, ContentHash.IsSha256Hex(text));
}
