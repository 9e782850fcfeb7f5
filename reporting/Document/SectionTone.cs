// How a section's heading reads where sections are listed rather than headed (the terminal): plain, a problem
// (red) or an aside (dim). Only the terminal colours it.
namespace SweepCluster.Reporting.Document;

/// <summary>How a section's heading reads in a layout that lists it (the terminal).</summary>
public enum SectionTone
{
    /// <summary>An ordinary section.</summary>
    Normal,

    /// <summary>A section of problems (failures).</summary>
    Problem,

    /// <summary>A side section (what the trial scheduler did).</summary>
    Aside,
}
