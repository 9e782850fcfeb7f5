// What a column says about its row: data, or which row it is (the axes of a combination and the note that goes with
// them). Layouts that stack a row's identity into one cell (the terminal's compact ranking) read it; nothing else does.
namespace SweepCluster.Reporting.Document;

/// <summary>What a column's cells are to their row.</summary>
public enum ColumnRole
{
    /// <summary>A value of the row.</summary>
    Data,

    /// <summary>One axis of the combination: stacked as "heading value" when the axes share one cell.</summary>
    Axis,

    /// <summary>A note on the combination (PBT's exploits): stacked under the axes, without its heading, when not empty.</summary>
    RowNote,
}
