// The types a run-table column holds. It says nothing about how a value is written (reporting's writers decide).
namespace SweepCluster.Core.Reports;

/// <summary>What a <see cref="RunColumn"/>'s cells hold.</summary>
public enum RunValueType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A 64-bit integer (a long).</summary>
    Integer,

    /// <summary>A 64-bit float (a double); NaN and infinities are written as missing.</summary>
    Real,
}
