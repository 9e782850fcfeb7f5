// The format dispatch: every format has a renderer and an extension; JSON is the report model's JSON.
using SweepCluster.Sweeps.Reports;

namespace SweepCluster.Reports.Tests;

public sealed class ReportRenderersTests
{
    [Theory]
    [InlineData(ReportFormat.Table, ".txt")]
    [InlineData(ReportFormat.Markdown, ".md")]
    [InlineData(ReportFormat.Csv, ".csv")]
    [InlineData(ReportFormat.Json, ".json")]
    [InlineData(ReportFormat.Html, ".html")]
    public void EveryFormatRendersAndHasAnExtension(ReportFormat format, string extension)
    {
        Assert.Equal(extension, ReportRenderers.FileExtension(format));
        Assert.Equal(format, ReportRenderers.For(format).Format);
        Assert.False(string.IsNullOrWhiteSpace(ReportRenderers.Render(ReportFixtures.Realistic(), format)));
    }

    [Fact]
    public void JsonIsTheIndentedReport()
    {
        var report = ReportFixtures.Realistic();
        var json = ReportRenderers.Render(report, ReportFormat.Json);

        Assert.Contains("\n  \"header\": {", json);
        Assert.Equal(SweepReportJson.Serialize(report), SweepReportJson.Serialize(SweepReportJson.Deserialize(json)));
    }

    [Fact]
    public void RenderingIsDeterministic()
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
            Assert.Equal(ReportRenderers.Render(ReportFixtures.Realistic(), format), ReportRenderers.Render(ReportFixtures.Realistic(), format));
    }
}
