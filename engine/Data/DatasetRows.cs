// Copies chosen rows of a Dataset, in the given order, into a new Dataset (inputs, and labels or targets).
// Deliberately does not choose the rows (DataSplit does) or share arrays with the source.
namespace SweepCluster.Engine.Data;

/// <summary>Row selection for datasets.</summary>
internal static class DatasetRows
{
    /// <summary>A new dataset holding <paramref name="rows"/> of <paramref name="data"/> in that order.</summary>
    public static Dataset Select(Dataset data, ReadOnlySpan<int> rows, string name)
    {
        var features = data.Features;
        var outputs = data.Outputs;
        var inputs = new float[rows.Length * features];
        var labels = data.Labels is null ? null : new int[rows.Length];
        var targets = data.Targets is null ? null : new float[rows.Length * outputs];
        for (var i = 0; i < rows.Length; i++)
        {
            var source = rows[i];
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)source, (uint)data.Rows, nameof(rows));
            Array.Copy(data.Inputs, source * features, inputs, i * features, features);
            if (labels is not null) labels[i] = data.Labels![source];
            if (targets is not null) Array.Copy(data.Targets!, source * outputs, targets, i * outputs, outputs);
        }
        return new Dataset(name, data.Task, inputs, features, labels, targets, outputs);
    }
}
