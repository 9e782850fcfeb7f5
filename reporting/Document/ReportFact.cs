// A named value of a section ("val loss", "0.1539"): the top combination's final epoch, which a layout short of
// space shows instead of the whole history table. No layout here.
namespace SweepCluster.Reporting.Document;

/// <summary>A label (plain words) and its value (a number as ReportText wrote it).</summary>
public sealed record ReportFact(string Label, string Value);
