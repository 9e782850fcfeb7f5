// What a silo may load: built-ins by name and the content that travelled with the sweep, parsed once per content
// hash. A path without content is refused without touching the file system, and content sent under a path is what
// loads, whatever is at that path.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Tests.Data;

public sealed class SweepDatasetsTests
{
    private static readonly CsvContent Points = CsvContent.Of("x,y,label\n0.1,0.2,0\n0.3,0.4,1\n0.5,0.6,1\n"u8.ToArray());

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../secret.csv")]
    [InlineData("data/points.csv")]
    public void APathWithoutItsContentIsRefusedAndNeverOpened(string dataset)
    {
        var error = Assert.Throws<SpecException>(() => SweepDatasets.BuiltInsOnly.Load(dataset, new DatasetRequest()));
        Assert.Contains($"\"{dataset}\" came without its data: silos never open a file named in a spec", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void ContentSentUnderAPathIsWhatLoads()
    {
        var data = new SweepDatasets(new Dictionary<string, CsvContent> { ["/etc/passwd"] = Points }).Load("/etc/passwd", new DatasetRequest());
        Assert.Equal((3, 2, 2), (data.Rows, data.Features, data.Outputs));
    }

    [Fact]
    public void BuiltInsStayBuiltInAndUnknownNamesGetADidYouMean()
    {
        Assert.Same(DatasetCatalog.Load("iris", new DatasetRequest()), SweepDatasets.BuiltInsOnly.Load("iris", new DatasetRequest()));
        Assert.Contains("did you mean \"iris\"", Assert.Throws<SpecException>(() => SweepDatasets.BuiltInsOnly.Load("irs", new DatasetRequest())).Message);
    }

    [Fact]
    public void ContentIsParsedOncePerHashWhateverNameItTravelsUnder()
    {
        var first = new SweepDatasets(new Dictionary<string, CsvContent> { ["a.csv"] = Points });
        var second = new SweepDatasets(new Dictionary<string, CsvContent> { ["elsewhere/b.csv"] = Points with { Bytes = [.. Points.Bytes] } });
        Assert.Same(first.Load("a.csv", new DatasetRequest()), second.Load("elsewhere/b.csv", new DatasetRequest()));
        Assert.Equal(first.Identify("a.csv"), second.Identify("elsewhere/b.csv"));
    }

    [Fact]
    public void ABadRowInSentContentIsNamedByTheSpecsPathLineAndColumn()
    {
        var bad = CsvContent.Of("x,y,label\n0.1,abc,0\n"u8.ToArray());
        var error = Assert.Throws<DataFormatException>(() =>
            new SweepDatasets(new Dictionary<string, CsvContent> { ["data/bad.csv"] = bad }).Load("data/bad.csv", new DatasetRequest(TaskKind.Classification)));
        Assert.Equal("data/bad.csv:2: column 2: \"abc\" is not a number; every cell must be a finite number (invariant culture, e.g. 3.5)", error.Message);
    }
}
