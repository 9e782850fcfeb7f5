namespace SweepCluster.Core.Specs;

/// <summary>What the network predicts.</summary>
public enum TaskKind { Classification, Regression }

/// <summary>Element-wise non-linearity between dense layers.</summary>
public enum ActivationKind { Relu, LeakyRelu, Tanh, Sigmoid, Identity }

/// <summary>Weight initialisation: He N(0, 2/fan_in), Xavier N(0, 2/(fan_in+fan_out)), or the seed's plain N(0, 1).</summary>
public enum InitScheme { He, Xavier, Normal }

/// <summary>Training loss, with PyTorch's reduction='mean'.</summary>
public enum LossKind { CrossEntropy, Mse }

/// <summary>Update rule, as in torch.optim.</summary>
public enum OptimizerKind { Sgd, Adam, AdamW, RmsProp }

/// <summary>Which hyperparameter a schedule drives.</summary>
public enum ScheduleTarget { LearningRate, WeightDecay, BatchSize }

/// <summary>The counter t that a schedule is a function of.</summary>
public enum ScheduleClock { Step, Epoch }

/// <summary>Every schedule a spec may name under <c>schedule:</c>.</summary>
public enum ScheduleFamily
{
    // Pure functions of (t, T).
    Constant,
    InverseTime,
    Exponential,
    Polynomial,
    Step,
    Cosine,

    // Adaptive policies: react to the run, the data or the model.
    /// <summary>Multiply by <c>factor</c> when the monitored loss stops improving (ReduceLROnPlateau).</summary>
    Plateau,
    /// <summary>Batch size that follows the measured gradient noise scale tr(Σ)/|G|² (McCandlish et al. 2018).</summary>
    NoiseScale,
    /// <summary>Per-layer learning rate scaled by the layer's fan-in.</summary>
    FanIn,
    /// <summary>Learning rate normalised by the training inputs' mean squared norm.</summary>
    FeatureScale,

    /// <summary>
    /// The values a run actually applied, as explicit pieces [t, value] (each holds until the next piece): what
    /// <c>sweep replay</c> writes so that <c>sweep train</c> reproduces a trial bit for bit.
    /// </summary>
    Recorded,
}
