// Where the Fashion-MNIST IDX files live inside a directory, and loading one split of them.
// Debian's package dataset-fashion-mnist installs them at /usr/share/datasets/fashion-mnist.
// Deliberately does not read environment variables (DatasetCatalog decides the directory) or download anything.
namespace SweepCluster.Engine.Data;

/// <summary>The Fashion-MNIST train and test splits as IDX files in one directory.</summary>
internal static class FashionMnist
{
    /// <summary>Where the Debian package installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The command that installs the files.</summary>
    public const string InstallCommand = "apt-get install dataset-fashion-mnist";

    /// <summary>One split: the dataset's built-in name and its two file names.</summary>
    public sealed record Split(string Name, string ImagesFile, string LabelsFile);

    /// <summary>60,000 training images.</summary>
    public static readonly Split Train = new("fashion-mnist", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");

    /// <summary>10,000 test images.</summary>
    public static readonly Split Test = new("fashion-mnist-test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /// <summary>Full paths of the split's image and label files in <paramref name="directory"/>.</summary>
    public static (string Images, string Labels) Paths(string directory, Split split)
    {
        var fullDirectory = Path.GetFullPath(directory);
        return (Path.Combine(fullDirectory, split.ImagesFile), Path.Combine(fullDirectory, split.LabelsFile));
    }

    /// <summary>Throws unless both files of <paramref name="split"/> exist in <paramref name="directory"/>.</summary>
    /// <exception cref="DataFormatException">A file is missing; the message says how to install it.</exception>
    public static void RequireInstalled(string directory, Split split)
    {
        var (images, labels) = Paths(directory, split);
        foreach (var path in new[] { images, labels })
        {
            if (!File.Exists(path))
                throw new DataFormatException(path, null, null,
                    $"file not found: {path}; Fashion-MNIST is not installed: run `{InstallCommand}`, or set " +
                    $"{DatasetCatalog.FashionMnistDirectoryVariable} to a directory holding {split.ImagesFile} and {split.LabelsFile}");
        }
    }

    /// <summary>Loads <paramref name="split"/> from <paramref name="directory"/>: (n, 784) pixels in [0, 1], 10 classes.</summary>
    /// <exception cref="DataFormatException">A file is missing or malformed.</exception>
    public static Dataset Load(string directory, Split split)
    {
        RequireInstalled(directory, split);
        var (images, labels) = Paths(directory, split);
        return IdxReader.ReadDataset(images, labels, split.Name);
    }
}
