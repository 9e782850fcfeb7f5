// One line of an external trainer's stdout, classified: an epoch report, an applied line, a log line, or a malformed
// report line. Produced by ReportLineParser (one line alone) and ReportSequence (the order of epochs).
namespace SweepCluster.External;

/// <summary>What one line of a trainer's stdout is.</summary>
public abstract record ReportLine;

/// <summary><c>{"epoch": 3, "val_accuracy": 0.91, "train_loss": 0.27}</c>: the trainer finished an epoch.</summary>
/// <param name="Epoch">1-based: the number of epochs completed.</param>
/// <param name="Metrics">Every other key, in the line's order; null for a metric reported as null (missing).</param>
public sealed record EpochReport(int Epoch, IReadOnlyDictionary<string, double?> Metrics) : ReportLine;

/// <summary><c>{"applied": {"learning_rate": 0.05, "weight_decay": 0.0001, "batch_size": 64}}</c>: what the trainer
/// really applied in the epoch being run. A value not given is null.</summary>
public sealed record AppliedReport(double? LearningRate, double? WeightDecay, int? BatchSize) : ReportLine;

/// <summary>Any line that is not meant as a report.</summary>
/// <param name="Text">The line as printed.</param>
public sealed record LogLine(string Text) : ReportLine;

/// <summary>A line meant as a report that is not a valid one: the trial fails.</summary>
/// <param name="Reason">What is wrong with it, e.g. "epoch must be an integer, not 2.5".</param>
/// <param name="Expected">What a valid line looks like.</param>
public sealed record MalformedLine(string Reason, string Expected) : ReportLine;
