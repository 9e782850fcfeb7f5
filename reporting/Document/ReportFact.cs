// A named value of a section ("val loss", "0.1539"): what a layout short of space shows instead of a whole table.
namespace SweepCluster.Reporting.Document;

/// <summary>A label (plain words) and its value (a number as ReportText wrote it).</summary>
public sealed record ReportFact(string Label, string Value);
