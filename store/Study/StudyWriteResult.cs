// What one write of trial and epoch rows did.
namespace SweepCluster.Store.Study;

/// <summary>Rows written, and rows skipped because their sweep is not in the store (never created, or deleted).</summary>
public sealed record StudyWriteResult(int Written, int Skipped)
{
    public static readonly StudyWriteResult None = new(0, 0);

    public StudyWriteResult Plus(StudyWriteResult other) => new(Written + other.Written, Skipped + other.Skipped);
}
