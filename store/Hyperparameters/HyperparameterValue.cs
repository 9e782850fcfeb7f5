// One searched hyperparameter of one trial: the trials-table column it goes to ("learning_rate.initial"), the
// column's type and the value (string for Text, double for Real, long for Integer).
using System.Globalization;

namespace SweepCluster.Store.Hyperparameters;

/// <summary>A hyperparameter column and one trial's value in it.</summary>
public sealed record HyperparameterValue
{
    private HyperparameterValue(string column, ColumnType type, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        Column = column;
        Type = type;
        Value = value;
    }

    /// <summary>The column's name, e.g. "learning_rate.schedule".</summary>
    public string Column { get; }

    /// <summary><see cref="ColumnType.Text"/>, <see cref="ColumnType.Real"/> or <see cref="ColumnType.Integer"/>.</summary>
    public ColumnType Type { get; }

    /// <summary>A string, a double or a long, matching <see cref="Type"/>.</summary>
    public object Value { get; }

    public static HyperparameterValue Text(string column, string value) => new(column, ColumnType.Text, value);

    public static HyperparameterValue Real(string column, double value) => new(column, ColumnType.Real, value);

    public static HyperparameterValue Integer(string column, long value) => new(column, ColumnType.Integer, value);

    /// <summary>A value read from a column of <paramref name="type"/> (the engine may hand back another numeric type).</summary>
    internal static HyperparameterValue FromDatabase(string column, ColumnType type, object value) => type switch
    {
        ColumnType.Text => Text(column, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        ColumnType.Real => Real(column, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        ColumnType.Integer => Integer(column, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "hyperparameter columns are text, real or integer"),
    };

    public override string ToString() => $"{Column}={Convert.ToString(Value, CultureInfo.InvariantCulture)}";
}
