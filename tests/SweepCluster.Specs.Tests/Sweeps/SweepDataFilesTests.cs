// A sweep spec's data files: every alternative of a dataset axis or choice is known to the spec (so the client sends
// each one, including those a random search draws only after an extension), and reading them refuses every file that
// cannot be sent at once, at the spec's dataset key.
using SweepCluster.Engine.Specs;
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class SweepDataFilesTests
{
    [Fact]
    public void EveryAlternativeOfADatasetAxisIsListedInFileOrder() =>
        Assert.Equal(["a.csv", "iris", "data/b.csv"], Yaml("dataset: [a.csv, iris, data/b.csv]\nmetric: val_loss\n").Datasets);

    [Fact]
    public void EveryChoiceOfARandomSearchIsListedEvenBeforeItIsDrawn() =>
        Assert.Equal(["a.csv", "b.csv", "c.csv"],
            Yaml("search: { strategy: random, trials: 1, seed: 3 }\ndataset: { choice: [a.csv, b.csv, c.csv] }\n").Datasets.Order());

    [Fact]
    public void FilesAreReadAgainstTheSpecFolderAndBuiltInsAreLeftOut()
    {
        var folder = Directory.CreateTempSubdirectory("sweepdata-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.csv"), "x,label\n1,0\n");
            var specPath = Path.Combine(folder.FullName, "s.yaml");
            File.WriteAllText(specPath, "dataset: [a.csv, iris]\nmetric: val_loss\n");
            var file = Assert.Single(SweepDataFiles.Read(SweepSpecLoader.Load(specPath)));
            Assert.Equal(("a.csv", Path.Combine(folder.FullName, "a.csv")), (file.Dataset, file.FullPath));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void EveryFileThatCannotBeSentIsReportedAtTheDatasetKey()
    {
        var folder = Directory.CreateTempSubdirectory("sweepdata-");
        try
        {
            var specPath = Path.Combine(folder.FullName, "s.yaml");
            File.WriteAllText(specPath, "epochs: 1\ndataset: [missing.csv, /etc/passwd]\nmetric: val_loss\n");
            var errors = Assert.Throws<SpecException>(() => SweepDataFiles.Read(SweepSpecLoader.Load(specPath))).Errors;
            Assert.Equal(2, errors.Count);
            Assert.All(errors, e => Assert.Equal((specPath, "dataset", (int?)2), (e.Source, e.Field, e.Line)));
            Assert.Contains("file not found", errors[0].Message);
            Assert.Contains("is not a .csv file", errors[1].Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
