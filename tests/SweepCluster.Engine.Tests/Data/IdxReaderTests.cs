// IDX reading on small gzip'd files written by the test: scaling, shapes and each validation error.
using System.Buffers.Binary;
using System.IO.Compression;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadsImagesScaledToUnitIntervalAndLabels()
    {
        var images = WriteGzip("i.gz", Header(IdxReader.ImagesMagic, 2, 2, 3), [0, 255, 51, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var labels = WriteGzip("l.gz", Header(IdxReader.LabelsMagic, 2), [4, 1]);
        var data = IdxReader.ReadDataset(images, labels, "tiny");
        Assert.Equal((2, 6, 5), (data.Rows, data.Features, data.Outputs));
        Assert.Equal(0f, data.Inputs[0]);
        Assert.Equal(1f, data.Inputs[1]);
        Assert.Equal(51f / 255f, data.Inputs[2]);
        Assert.Equal([4, 1], data.Labels!);
    }

    [Fact]
    public void RejectsWrongMagic()
    {
        var labels = WriteGzip("l.gz", Header(IdxReader.LabelsMagic, 1), [0]);
        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(labels));
        Assert.Contains("magic number 0x00000801 is not an IDX image file; expected 0x00000803", error.Message);
        Assert.Null(error.Line);
    }

    [Fact]
    public void RejectsTruncatedAndTrailingData()
    {
        var shortFile = WriteGzip("s.gz", Header(IdxReader.ImagesMagic, 2, 2, 2), [1, 2, 3]);
        Assert.Contains("ends early", Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(shortFile)).Message);
        var longFile = WriteGzip("t.gz", Header(IdxReader.LabelsMagic, 1), [1, 2]);
        Assert.Contains("has bytes after the 1 labels", Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(longFile)).Message);
    }

    [Fact]
    public void RejectsCountMismatchNonGzipAndMissingFile()
    {
        var images = WriteGzip("i.gz", Header(IdxReader.ImagesMagic, 2, 1, 1), [1, 2]);
        var labels = WriteGzip("l.gz", Header(IdxReader.LabelsMagic, 3), [0, 1, 2]);
        Assert.Contains("has 3 labels but", Assert.Throws<DataFormatException>(() => IdxReader.ReadDataset(images, labels, "x")).Message);

        var plain = Path.Combine(_temp.Path, "plain.gz");
        File.WriteAllBytes(plain, [.. Header(IdxReader.LabelsMagic, 1), 0]);
        Assert.Contains("is not a valid gzip file", Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(plain)).Message);

        var missing = Path.Combine(_temp.Path, "none.gz");
        Assert.Equal($"file not found: {missing}", Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(missing)).Reason);
    }

    private static byte[] Header(int magic, params int[] sizes)
    {
        var header = new byte[4 * (sizes.Length + 1)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var i = 0; i < sizes.Length; i++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 * (i + 1)), sizes[i]);
        return header;
    }

    private string WriteGzip(string name, byte[] header, byte[] body)
    {
        var path = Path.Combine(_temp.Path, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(header);
        gzip.Write(body);
        return path;
    }
}
