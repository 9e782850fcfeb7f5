// The JSON format: the report model itself, indented, written as the serializer goes. It adds nothing to SweepReportJson.

using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Json;

/// <summary>Renders the report as indented snake_case JSON (<see cref="SweepReportJson"/>).</summary>
public sealed class JsonRenderer : IReportRenderer
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Json;

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output) => SweepReportJson.Serialize(report, output, indented: true);
}
