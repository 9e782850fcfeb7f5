// The output formats of a run table (`sweep trials --format`). It does not render anything.
namespace SweepCluster.Reporting.Runs;

/// <summary>How a <see cref="Core.Reports.RunTable"/> is written.</summary>
public enum RunTableFormat
{
    /// <summary>A Spectre.Console table for people.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row, for pandas and spreadsheets.</summary>
    Csv,

    /// <summary>A JSON array of objects with typed values.</summary>
    Json,
}
