// Every format with a row per combination is written to its TextWriter piece by piece: a report of thousands of rows
// reaches the writer in many small writes, none of them more than a small part of the whole; and the JSON stream
// adapter decodes characters split across writes. (The terminal shows 20 rows; an HTML chart's data is written whole,
// its size bounded by ReportLimits, so the large report here plots two values per family; the HTML page's inlined
// charting library is one constant write and is not counted.)
using System.Text;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Json;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class ReportStreamingTests
{
    private const int Combinations = 2000;

    /// <summary>No single write may be more than this part of the whole report.</summary>
    private const double LargestWriteShare = 0.1;

    private static readonly Lazy<SweepReport> Large = new(() =>
    {
        var sweep = new SyntheticSweep(MetricSpec.DefaultRegression, "two thousand learning rates");
        for (var i = 0; i < Combinations; i++) sweep.Completed($"constant({i})", 1.0 + i);
        return SweepReportBuilder.Build(sweep.Build(), new ReportLimits(Combinations, Combinations, ReportLimits.MinPlottedValues));
    });

    [Theory]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Csv)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Html)]
    public void ALargeReportReachesTheWriterInSmallPieces(ReportFormat format)
    {
        var writer = new RecordingWriter();

        ReportRenderers.Write(Large.Value, format, writer);

        Assert.Equal(ReportRenderers.Render(Large.Value, format), writer.Text);
        Assert.True(writer.LargestWrite < LargestWriteShare * (writer.Text.Length - writer.LibraryLength),
            $"{format}: one write of {writer.LargestWrite} characters in {writer.Text.Length}");
    }

    [Fact]
    public void TheJsonStreamDecodesACharacterSplitAcrossTwoWrites()
    {
        var bytes = Encoding.UTF8.GetBytes("α → β");
        using var text = new StringWriter();
        using (var stream = new TextWriterStream(text))
        {
            stream.Write(bytes, 0, 1); // half of α
            stream.Write(bytes, 1, 4); // its other half, a space and half of →
            stream.Write(bytes, 5, bytes.Length - 5);
        }

        Assert.Equal("α → β", text.ToString());
    }

    /// <summary>A StringWriter that remembers its largest single write, apart from the one write that holds the charting
    /// library (whose length it remembers too).</summary>
    private sealed class RecordingWriter : StringWriter
    {
        public int LargestWrite { get; private set; }

        public int LibraryLength { get; private set; }

        public string Text => ToString();

        public override void Write(char value) => Record(1, () => base.Write(value));

        public override void Write(char[] buffer, int index, int count) => Record(new string(buffer, index, count), () => base.Write(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            var text = buffer.ToString();
            Record(text, () => base.Write(text));
        }

        public override void Write(string? value) => Record(value ?? "", () => base.Write(value));

        private void Record(string text, Action write)
        {
            if (text.Contains(SweepCluster.Reporting.Charts.ChartLibrary.Script, StringComparison.Ordinal)) LibraryLength += text.Length;
            else LargestWrite = Math.Max(LargestWrite, text.Length);
            write();
        }

        private void Record(int length, Action write)
        {
            LargestWrite = Math.Max(LargestWrite, length);
            write();
        }
    }
}
