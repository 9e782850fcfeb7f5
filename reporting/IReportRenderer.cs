// The contract every format's renderer fulfils. Renderers are stateless; each writes its format to the TextWriter it is
// given (a file, the console, a string) section by section, and does no other I/O.

using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>Renders a sweep report in one format.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>The file extension of the format, with the leading dot (".csv").</summary>
    string FileExtension { get; }

    /// <summary>Writes the whole report in <see cref="Format"/> to <paramref name="output"/> as it goes; the report never
    /// becomes one string.</summary>
    void Write(SweepReport report, TextWriter output);
}
