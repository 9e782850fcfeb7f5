// The contract every format's renderer fulfils. Renderers are stateless and do no I/O.

using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>Renders a sweep report in one format.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>The file extension of the format, with the leading dot (".csv").</summary>
    string FileExtension { get; }

    /// <summary>The whole report as text in <see cref="Format"/>.</summary>
    string Render(SweepReport report);
}
