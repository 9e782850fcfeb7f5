// Pins every format of every shared fixture byte for byte: the files under Snapshots/ are what the renderers wrote
// before the ranking was cut to its top rows and the writers streamed to files, and a sweep under the report's limits
// must still get exactly these bytes. A missing snapshot is written and the test fails, so that a new one is read
// before it is committed. The snapshots were written on Linux (line ends of AppendLine are "\n"). The HTML snapshots
// hold a marker in place of the charting library's 1 MB script (HtmlRendererTests.WithoutLibrary); to regenerate one
// deliberately, delete it, run the test once (it fails and writes the file), read the file, run again.
using System.Runtime.CompilerServices;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Tests;

public sealed class ReportSnapshotTests
{
    private static readonly IReadOnlyDictionary<string, Func<SweepReport>> Fixtures = new Dictionary<string, Func<SweepReport>>
    {
        ["hostile-name"] = () => ReportFixtures.Realistic(ReportFixtures.HostileName),
        ["successive-halving"] = ReportFixtures.SuccessiveHalving,
        ["population-based-training"] = ReportFixtures.PopulationBasedTraining,
        ["exploited-best-trial"] = ReportFixtures.ExploitedBestTrial,
        ["more-than-the-terminal-shows"] = ReportFixtures.MoreThanTheTerminalShows,
    };

    public static TheoryData<string, ReportFormat> Cases()
    {
        var cases = new TheoryData<string, ReportFormat>();
        foreach (var fixture in Fixtures.Keys)
            foreach (var format in Enum.GetValues<ReportFormat>()) cases.Add(fixture, format);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFormatOfEveryFixtureIsItsSnapshot(string fixture, ReportFormat format)
    {
        var rendered = ReportRenderers.Render(Fixtures[fixture](), format);
        if (format == ReportFormat.Html) rendered = HtmlRendererTests.WithoutLibrary(rendered);

        Assert.Equal(Snapshot(fixture, format, rendered), rendered);
    }

    /// <summary>The snapshot's text; a missing snapshot is written from <paramref name="rendered"/> and fails the test.</summary>
    internal static string Snapshot(string fixture, ReportFormat format, string rendered)
    {
        var path = Path.Combine(SnapshotFolder(), fixture + ReportRenderers.FileExtension(format));
        if (File.Exists(path)) return File.ReadAllText(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, rendered);
        Assert.Fail($"no snapshot {path}: written from this run; read it, then commit it");
        return rendered;
    }

    private static string SnapshotFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");
}
