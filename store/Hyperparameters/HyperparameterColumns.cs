// The pure function from a trial's spec to its hyperparameter columns: an ordered list of (column, type, value).
// A searched schedule (learning_rate, weight_decay, batch_size, or any path inside one) is flattened whole by
// ScheduleColumns; any other searched path gives the trial fields it covers (TrialFieldColumns). Columns come in the
// order of the searched paths, each once. Without a list of searched paths, the three schedules are the columns.
using SweepCluster.Core.Specs;

namespace SweepCluster.Store.Hyperparameters;

/// <summary>Hyperparameter columns of a trial.</summary>
public static class HyperparameterColumns
{
    /// <summary>The spec keys of the three schedules, which are also their column prefixes.</summary>
    public static readonly IReadOnlyList<string> ScheduleAxes = ["learning_rate", "weight_decay", "batch_size"];

    private static readonly IReadOnlyDictionary<string, (ScheduleTarget Target, Func<TrialSpec, ScheduleSpec> Read)> Schedules =
        new Dictionary<string, (ScheduleTarget, Func<TrialSpec, ScheduleSpec>)>(StringComparer.Ordinal)
        {
            [ScheduleAxes[0]] = (ScheduleTarget.LearningRate, spec => spec.LearningRate),
            [ScheduleAxes[1]] = (ScheduleTarget.WeightDecay, spec => spec.WeightDecay),
            [ScheduleAxes[2]] = (ScheduleTarget.BatchSize, spec => spec.BatchSize),
        };

    /// <summary>The three schedules of <paramref name="spec"/>, flattened: what a schedule sweep searches.</summary>
    public static IReadOnlyList<HyperparameterValue> Of(TrialSpec spec) => Of(spec, ScheduleAxes);

    /// <summary>The columns of the positions a sweep searches.</summary>
    /// <param name="spec">The trial's spec.</param>
    /// <param name="searchedPaths">The sweep's searched field paths in file order (a sweep spec's axes, e.g.
    /// "learning_rate", "batch_size.initial", "optimizer.type"); paths that name no trial field are ignored.</param>
    /// <exception cref="ArgumentException">A batch size whose initial value is not a whole number.</exception>
    public static IReadOnlyList<HyperparameterValue> Of(TrialSpec spec, IEnumerable<string> searchedPaths)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var columns = new List<HyperparameterValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in searchedPaths)
        {
            foreach (var value in ColumnsOf(spec, path))
            {
                if (seen.Add(value.Column)) columns.Add(value);
            }
        }
        return columns;
    }

    private static IEnumerable<HyperparameterValue> ColumnsOf(TrialSpec spec, string path)
    {
        var axis = path.Split('.', '[')[0];
        if (Schedules.TryGetValue(axis, out var schedule)) return ScheduleColumns.Of(axis, schedule.Read(spec), schedule.Target);
        return TrialFieldColumns.Covered(path).Select(field => field.Read(spec)).OfType<HyperparameterValue>();
    }
}
