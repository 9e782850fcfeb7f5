// What the table records about one dataset: its name, split sizes and the fixed model trained on it.
namespace SweepCluster.Tabular.Table;

/// <summary>One dataset of the table and the fixed network every configuration trains on it.</summary>
/// <param name="Name">Built-in dataset name (digits, wine, breast-cancer).</param>
/// <param name="TrainRows">Rows trained on each epoch.</param>
/// <param name="ValidationRows">Rows the metric is measured on.</param>
/// <param name="Hidden">Hidden layer widths of the ReLU MLP.</param>
public sealed record TableDataset(string Name, int TrainRows, int ValidationRows, IReadOnlyList<int> Hidden);
