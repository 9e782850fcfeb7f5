// Reads gzip-compressed IDX files (the MNIST / Fashion-MNIST format): big-endian int32 magic, then big-endian int32
// dimension sizes, then unsigned bytes. Images (magic 0x00000803: count, rows, columns) become float32 pixels x/255
// in [0, 1]; labels (magic 0x00000801: count) become class indices.
// Deliberately does not: read uncompressed or non-byte IDX variants, download anything, or know where the files live
// (DatasetCatalog does). Every malformed file is a DataFormatException naming the file and what was expected.
using System.Buffers.Binary;
using System.IO.Compression;
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Pixels of an IDX image file: (Count, Rows·Columns) row-major, each in [0, 1].</summary>
/// <param name="Pixels">(Count, Rows·Columns) row-major float32, x/255.</param>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Pixel rows per image.</param>
/// <param name="Columns">Pixel columns per image.</param>
public sealed record IdxImages(float[] Pixels, int Count, int Rows, int Columns);

/// <summary>Reads gzip'd IDX image and label files.</summary>
public static class IdxReader
{
    /// <summary>Magic number of an image file: unsigned bytes (0x08), 3 dimensions.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes (0x08), 1 dimension.</summary>
    public const int LabelsMagic = 0x00000801;

    private const int HeaderWordBytes = sizeof(int);
    private const int CopyBufferBytes = 1 << 16;
    private const float MaxPixel = 255f;

    /// <summary>x/255 for every byte value, so conversion is a table lookup.</summary>
    private static readonly float[] PixelScale = Enumerable.Range(0, byte.MaxValue + 1).Select(b => b / MaxPixel).ToArray();

    /// <summary>Reads an image file into pixels scaled to [0, 1].</summary>
    /// <exception cref="DataFormatException">Missing file, not gzip, wrong magic, bad sizes, truncated or trailing data.</exception>
    public static IdxImages ReadImages(string path)
    {
        path = ExistingFullPath(path);
        using var stream = OpenGzip(path);
        var header = ReadHeader(stream, path, ImagesMagic, dimensions: 3, "image");
        var (count, rows, columns) = (header[0], header[1], header[2]);
        var total = CheckedTotal(path, (long)count * rows * columns);
        var pixels = new float[total];
        var buffer = new byte[CopyBufferBytes];
        for (var done = 0; done < total;)
        {
            var chunk = Math.Min(buffer.Length, total - done);
            ReadExactly(stream, buffer.AsSpan(0, chunk), path, done, total, "pixel");
            for (var i = 0; i < chunk; i++) pixels[done + i] = PixelScale[buffer[i]];
            done += chunk;
        }
        CheckAtEnd(stream, path, $"{count} images of {rows}×{columns}");
        return new IdxImages(pixels, count, rows, columns);
    }

    /// <summary>Reads a label file into one class index (0–255) per example.</summary>
    /// <exception cref="DataFormatException">Missing file, not gzip, wrong magic, truncated or trailing data.</exception>
    public static int[] ReadLabels(string path)
    {
        path = ExistingFullPath(path);
        using var stream = OpenGzip(path);
        var count = ReadHeader(stream, path, LabelsMagic, dimensions: 1, "label")[0];
        var bytes = new byte[count];
        ReadExactly(stream, bytes, path, 0, count, "label");
        CheckAtEnd(stream, path, $"{count} labels");
        return Array.ConvertAll(bytes, b => (int)b);
    }

    /// <summary>Reads a matching image and label file into a classification dataset (classes = max label + 1).</summary>
    /// <exception cref="DataFormatException">Either file is invalid, or their counts differ.</exception>
    public static Dataset ReadDataset(string imagesPath, string labelsPath, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != images.Count)
            throw new DataFormatException(labelsPath, null, null,
                $"has {labels.Length} labels but {imagesPath} has {images.Count} images; expected one label per image");
        if (images.Count == 0)
            throw new DataFormatException(imagesPath, null, null, "holds no images; expected at least one");
        var classes = labels.Max() + 1;
        return new Dataset(name, TaskKind.Classification, images.Pixels, images.Rows * images.Columns, labels, null, classes);
    }

    private static string ExistingFullPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return File.Exists(fullPath) ? fullPath : throw new DataFormatException(fullPath, null, null, $"file not found: {fullPath}");
    }

    private static GZipStream OpenGzip(string fullPath) => new(File.OpenRead(fullPath), CompressionMode.Decompress);

    private static int[] ReadHeader(Stream stream, string path, int magic, int dimensions, string kind)
    {
        Span<byte> word = stackalloc byte[HeaderWordBytes];
        ReadExactly(stream, word, path, 0, HeaderWordBytes, "header");
        var found = BinaryPrimitives.ReadInt32BigEndian(word);
        if (found != magic)
            throw new DataFormatException(path, null, null,
                $"magic number 0x{found:X8} is not an IDX {kind} file; expected 0x{magic:X8} (unsigned bytes, {dimensions} dimension{(dimensions == 1 ? "" : "s")})");
        var sizes = new int[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            ReadExactly(stream, word, path, 0, HeaderWordBytes, "header");
            sizes[d] = BinaryPrimitives.ReadInt32BigEndian(word);
            var mustBePositive = d > 0; // a file may hold zero examples, but an image has at least one pixel row/column
            if (sizes[d] < 0 || (mustBePositive && sizes[d] == 0))
                throw new DataFormatException(path, null, null, $"dimension {d + 1} has size {sizes[d]}; expected a positive size");
        }
        return sizes;
    }

    private static int CheckedTotal(string path, long total) =>
        total <= Array.MaxLength
            ? (int)total
            : throw new DataFormatException(path, null, null, $"declares {total} bytes of data; at most {Array.MaxLength} are supported");

    private static void ReadExactly(Stream stream, Span<byte> destination, string path, int offset, int total, string what)
    {
        try
        {
            stream.ReadExactly(destination);
        }
        catch (EndOfStreamException)
        {
            throw new DataFormatException(path, null, null,
                $"ends early: expected {total} {what} bytes, found fewer than {offset + destination.Length}");
        }
        catch (InvalidDataException e)
        {
            throw NotGzip(path, e);
        }
    }

    private static DataFormatException NotGzip(string path, InvalidDataException e) =>
        new(path, null, null, $"is not a valid gzip file ({e.Message}); expected a gzip-compressed IDX file");

    private static void CheckAtEnd(Stream stream, string path, string declared)
    {
        int next;
        try
        {
            next = stream.ReadByte();
        }
        catch (InvalidDataException e)
        {
            throw NotGzip(path, e);
        }
        if (next != -1)
            throw new DataFormatException(path, null, null, $"has bytes after the {declared} its header declares; expected the file to end there");
    }
}
