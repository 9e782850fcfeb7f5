// Runs one trial: the training loop over epochs and batches with the three schedules, validation after each epoch,
// divergence detection, cancellation, and exact checkpoint/restore at epoch boundaries. The held-out test rows are
// evaluated once, when the last epoch is done, on the final weights: nothing during training sees them.
// Deliberately single-threaded and free of I/O: callers (the CLI, a trial grain) own threads, files and progress UI.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Model;
using SweepCluster.Engine.Optimizers;
using SweepCluster.Engine.Schedules;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Training;

/// <summary>Trains an MLP as a <see cref="TrialSpec"/> says, deterministically from its seed.</summary>
public sealed class Trainer
{
    private const ulong InitializationStream = 1;
    private const ulong ShuffleStream = 2;

    private readonly TrialSpec _spec;
    private readonly TrainingData _data;
    private readonly Loss _loss;
    private readonly Optimizer _optimizer;
    private readonly ParameterTensor[] _parameters;
    private readonly Schedule _learningRate;
    private readonly Schedule _weightDecay;
    private readonly Schedule _batchSize;
    private readonly int _maxBatch;
    private readonly float[] _batchInputs;
    private readonly int[] _batchLabels;
    private readonly float[] _batchTargets;
    private readonly double[] _perExampleNorms;
    private readonly int[] _order;
    private readonly Func<int, double> _layerMultiplier;
    private DeterministicRandom _shuffle;
    private readonly List<EpochRecord> _history = [];
    private readonly List<double> _appliedLearningRate = [];
    private readonly List<double> _appliedWeightDecay = [];
    private readonly List<int> _appliedBatchSize = [];
    private int _epoch;
    private long _step;

    public Trainer(TrialSpec spec, TrainingData data)
    {
        _spec = spec;
        _data = data;
        var train = data.Train;
        ValidateAgainstData(spec, data);
        var lossKind = spec.Loss ?? (data.Task == TaskKind.Classification ? LossKind.CrossEntropy : LossKind.Mse);
        _loss = Loss.For(lossKind);
        Network = new Mlp(train.Features, spec.Model.Hidden, data.Outputs, spec.Model.Activation, (float)spec.Model.NegativeSlope);
        WeightInitializer.Initialize(Network.Layers, spec.Model.Init, DeterministicRandom.ForStream(spec.Seed, InitializationStream));
        _parameters = Network.Layers.SelectMany((layer, index) => new[]
        {
            new ParameterTensor(layer.Weight, layer.WeightGrad, IsWeight: true, index),
            new ParameterTensor(layer.Bias, layer.BiasGrad, IsWeight: false, index),
        }).ToArray();
        _optimizer = Optimizer.Create(spec.Optimizer, _parameters);

        var fanIns = Network.Layers.Select(l => l.FanIn).ToArray();
        var batchContext = new ScheduleContext(TotalSteps: 0, spec.Epochs, fanIns, data.FeatureScale);
        _batchSize = ScheduleFactory.Create(spec.BatchSize, ScheduleTarget.BatchSize, batchContext);
        var context = batchContext with { TotalSteps = PlannedTotalSteps() };
        _learningRate = ScheduleFactory.Create(spec.LearningRate, ScheduleTarget.LearningRate, context);
        _weightDecay = ScheduleFactory.Create(spec.WeightDecay, ScheduleTarget.WeightDecay, context);

        _maxBatch = train.Rows;
        _batchInputs = new float[_maxBatch * train.Features];
        _batchLabels = data.Task == TaskKind.Classification ? new int[_maxBatch] : [];
        _batchTargets = data.Task == TaskKind.Regression ? new float[_maxBatch * data.Outputs] : [];
        _perExampleNorms = _batchSize.WantsGradientNoise ? new double[_maxBatch] : [];
        _order = new int[train.Rows];
        _shuffle = DeterministicRandom.ForStream(spec.Seed, ShuffleStream);
        _layerMultiplier = _learningRate.LayerMultiplier;
        TotalSteps = context.TotalSteps;
    }

    public Mlp Network { get; }

    /// <summary>T on the step clock (estimated from the initial batch size when the batch size is adaptive).</summary>
    public long TotalSteps { get; }

    /// <summary>
    /// Called after every optimizer step with the hyperparameters the step was handed (a test's window on what the
    /// optimizer used); null, the default, costs one comparison per step.
    /// </summary>
    public Action<AppliedStep>? StepObserver { get; set; }

    public int CompletedEpochs => _epoch;
    public long CompletedSteps => _step;
    public IReadOnlyList<EpochRecord> History => _history;

    /// <summary>Rebuilds a trainer mid-run from a checkpoint taken with the same spec and data.</summary>
    /// <exception cref="InvalidDataException">The checkpoint's shapes or schedule states do not fit the spec.</exception>
    public static Trainer Restore(TrialSpec spec, TrainingData data, TrainerCheckpoint checkpoint)
    {
        var trainer = new Trainer(spec, data);
        try
        {
            trainer.Load(checkpoint);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the checkpoint does not belong to this spec: {e.Message}", e);
        }
        return trainer;
    }

    /// <summary>
    /// Trains from the current epoch to the last. <paramref name="onEpoch"/> runs on this thread after each epoch, at
    /// a boundary where <see cref="Checkpoint"/> may be called. Cancellation is honoured before each batch.
    /// </summary>
    public TrainingResult Run(CancellationToken cancellation = default, Action<EpochRecord>? onEpoch = null)
    {
        while (_epoch < _spec.Epochs)
        {
            if (cancellation.IsCancellationRequested) return Result(TrialOutcome.Cancelled, null);
            var (record, failure) = TrainEpoch(cancellation);
            if (failure is not null) return Result(failure.Value.Outcome, failure.Value.Message);
            onEpoch?.Invoke(record!);
        }
        return Result(TrialOutcome.Completed, null) with { Test = EvaluateTest() };
    }

    /// <summary>The current weights on the held-out test rows; null without a test split.</summary>
    public HeldOutEvaluation? EvaluateTest()
    {
        if (_data.Test is not { } test) return null;
        var result = Evaluation.Evaluate(Network, _loss, test);
        return new HeldOutEvaluation(result.Loss, result.Metric, result.R2, test.Rows);
    }

    /// <summary>
    /// The full state at the current epoch boundary, serialized (CheckpointSerializer) straight from the live arrays:
    /// what a trial stores after each epoch, without first copying everything into a <see cref="TrainerCheckpoint"/>.
    /// </summary>
    public byte[] CheckpointBytes() => CheckpointSerializer.Serialize(new TrainerCheckpoint(
        _epoch,
        _step,
        Network.Layers.Select(l => l.Weight).ToArray(),
        Network.Layers.Select(l => l.Bias).ToArray(),
        _optimizer.StateView(),
        [_learningRate.SaveState(), _weightDecay.SaveState(), _batchSize.SaveState()],
        _shuffle.SaveState(),
        _history,
        new AppliedSchedule(_appliedLearningRate, _appliedWeightDecay, _appliedBatchSize)));

    /// <summary>The full state at the current epoch boundary.</summary>
    public TrainerCheckpoint Checkpoint() => new(
        _epoch,
        _step,
        Network.Layers.Select(l => (float[])l.Weight.Clone()).ToArray(),
        Network.Layers.Select(l => (float[])l.Bias.Clone()).ToArray(),
        _optimizer.SaveState(),
        [_learningRate.SaveState(), _weightDecay.SaveState(), _batchSize.SaveState()],
        _shuffle.SaveState(),
        _history.ToArray(),
        Applied());

    private void Load(TrainerCheckpoint checkpoint)
    {
        var layers = Network.Layers;
        if (checkpoint.Weights.Count != layers.Count)
            throw new ArgumentException($"checkpoint has {checkpoint.Weights.Count} layers, the spec's network has {layers.Count}.");
        for (var l = 0; l < layers.Count; l++)
        {
            if (checkpoint.Weights[l].Length != layers[l].Weight.Length || checkpoint.Biases[l].Length != layers[l].Bias.Length)
                throw new ArgumentException($"checkpoint layer {l} does not match the spec's layer shape ({layers[l].FanIn}x{layers[l].FanOut}).");
            checkpoint.Weights[l].CopyTo(layers[l].Weight, 0);
            checkpoint.Biases[l].CopyTo(layers[l].Bias, 0);
        }
        _optimizer.RestoreState(checkpoint.Optimizer);
        _learningRate.RestoreState(checkpoint.ScheduleStates[0]);
        _weightDecay.RestoreState(checkpoint.ScheduleStates[1]);
        _batchSize.RestoreState(checkpoint.ScheduleStates[2]);
        _shuffle = DeterministicRandom.FromState(checkpoint.ShuffleRandomState);
        _history.Clear();
        _history.AddRange(checkpoint.History);
        _appliedLearningRate.Clear();
        _appliedLearningRate.AddRange(checkpoint.Applied.LearningRate);
        _appliedWeightDecay.Clear();
        _appliedWeightDecay.AddRange(checkpoint.Applied.WeightDecay);
        _appliedBatchSize.Clear();
        _appliedBatchSize.AddRange(checkpoint.Applied.BatchSize);
        _epoch = checkpoint.Epoch;
        _step = checkpoint.Step;
    }

    private (EpochRecord? Record, (TrialOutcome Outcome, string Message)? Failure) TrainEpoch(CancellationToken cancellation)
    {
        var train = _data.Train;
        var rows = train.Rows;
        for (var i = 0; i < rows; i++) _order[i] = i;
        if (_spec.Shuffle) _shuffle.Shuffle(_order);

        double lossSum = 0;
        double metricSum = 0;
        var firstStep = _step;
        var (firstLearningRate, firstWeightDecay, firstBatch) = (0.0, 0.0, 0);
        for (var start = 0; start < rows;)
        {
            if (cancellation.IsCancellationRequested) return (null, (TrialOutcome.Cancelled, "cancelled"));
            var batch = Math.Min(CurrentBatchSize(), rows - start);
            var learningRate = _learningRate.ValueAt(TimeOf(_learningRate));
            var weightDecay = _weightDecay.ValueAt(TimeOf(_weightDecay));
            if (_step == firstStep) (firstLearningRate, firstWeightDecay, firstBatch) = (learningRate, weightDecay, batch);

            Gather(start, batch);
            var x = _batchInputs.AsSpan(0, batch * _data.Train.Features);
            var targets = BatchTargetsOf(batch);
            var output = Network.Forward(x, batch);
            var batchLoss = _loss.Compute(output, targets, Network.OutputGradient(batch), batch, _data.Outputs);
            if (!double.IsFinite(batchLoss))
                return (null, (TrialOutcome.Diverged, $"loss became {batchLoss} at epoch {_epoch + 1}, step {_step + 1} (learning rate {learningRate:G4})"));
            metricSum += BatchMetric(output, targets, batch, batchLoss);

            Network.Backward(x, batch, _perExampleNorms.AsSpan(0, _perExampleNorms.Length == 0 ? 0 : batch));
            if (_batchSize.WantsGradientNoise) _batchSize.ObserveGradientNoise(NoiseSample(batch));
            var hyperparameters = new StepHyperparameters(learningRate, weightDecay, _layerMultiplier);
            _optimizer.Step(hyperparameters);
            StepObserver?.Invoke(new AppliedStep(_step, hyperparameters.LearningRate, hyperparameters.WeightDecay, batch));

            _appliedLearningRate.Add(learningRate);
            _appliedWeightDecay.Add(weightDecay);
            _appliedBatchSize.Add(batch);
            lossSum += batchLoss * batch;
            start += batch;
            _step++;
        }

        var trainLoss = lossSum / rows;
        var trainMetric = _data.Task == TaskKind.Classification ? metricSum / rows : Math.Sqrt(metricSum / rows);
        EvaluationResult? validation = _data.Validation is { } val ? Evaluation.Evaluate(Network, _loss, val) : null;
        if (validation is { } v && !double.IsFinite(v.Loss))
            return (null, (TrialOutcome.Diverged, $"validation loss became {v.Loss} at epoch {_epoch + 1}"));

        var signal = new EpochSignal(_epoch, validation?.Loss ?? trainLoss);
        _learningRate.ObserveEpoch(signal);
        _weightDecay.ObserveEpoch(signal);
        _batchSize.ObserveEpoch(signal);
        _epoch++;
        var record = new EpochRecord(_epoch, _step, trainLoss, trainMetric, validation?.Loss, validation?.Metric, validation?.R2,
            firstLearningRate, firstWeightDecay, firstBatch);
        _history.Add(record);
        return (record, null);
    }

    // Classification: correct predictions in the batch; regression: the batch's sum of squared errors per element.
    private double BatchMetric(ReadOnlySpan<float> output, BatchTargets targets, int batch, double batchLoss)
    {
        if (_data.Task == TaskKind.Classification) return Metrics.CountCorrect(output, targets.Labels, batch, _data.Outputs);
        Span<double> perOutput = stackalloc double[_data.Outputs];
        Metrics.AddSquaredErrors(output, targets.Values, batch, _data.Outputs, perOutput);
        double total = 0;
        foreach (var e in perOutput) total += e;
        return total / _data.Outputs;
    }

    private GradientNoiseSample NoiseSample(int batch)
    {
        double mean = 0;
        for (var i = 0; i < batch; i++) mean += _perExampleNorms[i];
        return new GradientNoiseSample(batch, mean / batch, Network.GradientSquaredNorm());
    }

    private int CurrentBatchSize() =>
        BatchSizeRounding.Apply(_batchSize.ValueAt(TimeOf(_batchSize)), _spec.BatchSize.Min, _spec.BatchSize.Max, _data.Train.Rows);

    private long TimeOf(Schedule schedule) => schedule.Clock == ScheduleClock.Step ? _step : _epoch;

    // Copies the batch's rows (in this epoch's order) into contiguous buffers. x: (batch, features).
    private void Gather(int start, int batch)
    {
        var train = _data.Train;
        var features = train.Features;
        var outputs = _data.Outputs;
        for (var i = 0; i < batch; i++)
        {
            var row = _order[start + i];
            train.Inputs.AsSpan(row * features, features).CopyTo(_batchInputs.AsSpan(i * features, features));
            if (train.Labels is { } labels) _batchLabels[i] = labels[row];
            else train.Targets.AsSpan(row * outputs, outputs).CopyTo(_batchTargets.AsSpan(i * outputs, outputs));
        }
    }

    private BatchTargets BatchTargetsOf(int batch) =>
        _data.Task == TaskKind.Classification
            ? new BatchTargets(_batchLabels.AsSpan(0, batch), default)
            : new BatchTargets(default, _batchTargets.AsSpan(0, batch * _data.Outputs));

    // T on the step clock: Σ over epochs of ceil(rows / batch size of that epoch). An adaptive batch size is unknown in
    // advance, so its current value stands in for every epoch (schedules cap t/T at 1).
    private long PlannedTotalSteps()
    {
        var rows = _data.Train.Rows;
        long steps = 0;
        if (_batchSize.Clock == ScheduleClock.Step)
        {
            // Batch size on the step clock: walk the steps.
            for (var epoch = 0; epoch < _spec.Epochs; epoch++)
                for (var start = 0; start < rows; steps++)
                    start += BatchSizeRounding.Apply(_batchSize.ValueAt(steps), _spec.BatchSize.Min, _spec.BatchSize.Max, rows);
            return steps;
        }
        for (var epoch = 0; epoch < _spec.Epochs; epoch++)
        {
            var t = _spec.BatchSize.IsAdaptive ? 0 : epoch;
            var batch = BatchSizeRounding.Apply(_batchSize.ValueAt(t), _spec.BatchSize.Min, _spec.BatchSize.Max, rows);
            steps += (rows + batch - 1) / batch;
        }
        return steps;
    }

    private static void ValidateAgainstData(TrialSpec spec, TrainingData data)
    {
        var errors = TrialPreflight.Check(spec, data);
        if (errors.Count > 0) throw new SpecException(errors);
    }

    private AppliedSchedule Applied() =>
        new(_appliedLearningRate.ToArray(), _appliedWeightDecay.ToArray(), _appliedBatchSize.ToArray());

    private TrainingResult Result(TrialOutcome outcome, string? message) => new(outcome, _history.ToArray(), Applied(), message);
}
