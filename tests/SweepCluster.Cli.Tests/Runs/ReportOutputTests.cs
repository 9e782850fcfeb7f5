// The report folder: report.{txt,md,csv,json,html} hold, byte for byte, what each format's renderer returns as text
// (UTF-8 without a byte-order mark), whichever way the folder's writer gets them to the file.
using System.Text;
using SweepCluster.Cli.Commands;
using SweepCluster.Reporting;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests.Runs;

public sealed class ReportOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_file_of_the_folder_is_its_format_rendered_as_text()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());

        var files = ReportOutput.WriteAll(report, _dir.Path);

        Assert.Equal(Enum.GetValues<ReportFormat>().Length, files.Count);
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var path = Path.Combine(_dir.Path, "report" + ReportRenderers.FileExtension(format));
            Assert.Contains(path, files);
            Assert.Equal(new UTF8Encoding(false).GetBytes(ReportRenderers.Render(report, format)), File.ReadAllBytes(path));
        }
    }
}
