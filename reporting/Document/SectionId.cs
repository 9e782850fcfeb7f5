// Which section of the ranked report a section is, so a writer that orders sections its own way (the HTML page,
// which puts charts first) can pick them.
namespace SweepCluster.Reporting.Document;

/// <summary>The sections of the ranked report.</summary>
public enum SectionId { Ranking, Axes, Families, TopCombination, HeldOutTest, Failures, Stopped, Exploits, ParetoFront }
