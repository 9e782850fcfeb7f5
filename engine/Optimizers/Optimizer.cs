// The optimizer contract and the state a checkpoint carries. Update rules follow torch.optim (1.13) exactly, one
// class per rule; hyperparameters are computed in double and cast to float once, as torch casts Python scalars.
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Optimizers;

/// <summary>Everything an optimizer remembers between steps: its step count and one buffer set per tensor.</summary>
public sealed record OptimizerState(long Steps, IReadOnlyList<float[]> Buffers);

public abstract class Optimizer
{
    protected Optimizer(IReadOnlyList<ParameterTensor> parameters, int buffersPerTensor)
    {
        Parameters = parameters;
        BuffersPerTensor = buffersPerTensor;
        Buffers = parameters.SelectMany(p => Enumerable.Range(0, buffersPerTensor).Select(_ => new float[p.Value.Length])).ToArray();
    }

    public IReadOnlyList<ParameterTensor> Parameters { get; }
    protected int BuffersPerTensor { get; }

    /// <summary>Per tensor i, its buffers are Buffers[i·BuffersPerTensor ..].</summary>
    protected float[][] Buffers { get; }

    /// <summary>Completed steps (torch's per-parameter 'step').</summary>
    public long Steps { get; private set; }

    public static Optimizer Create(OptimizerSpec spec, IReadOnlyList<ParameterTensor> parameters) => spec.Type switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(parameters, spec.Momentum, spec.Nesterov),
        OptimizerKind.Adam => new AdamOptimizer(parameters, spec.Beta1, spec.Beta2, spec.Eps, decoupledWeightDecay: false),
        OptimizerKind.AdamW => new AdamOptimizer(parameters, spec.Beta1, spec.Beta2, spec.Eps, decoupledWeightDecay: true),
        OptimizerKind.RmsProp => new RmsPropOptimizer(parameters, spec.Alpha, spec.Eps, spec.Momentum, spec.Centered),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "unknown optimizer"),
    };

    /// <summary>Applies one update to every parameter from its current gradient.</summary>
    public void Step(StepHyperparameters hyperparameters)
    {
        Steps++;
        for (var i = 0; i < Parameters.Count; i++) Update(i, Parameters[i], hyperparameters);
    }

    protected abstract void Update(int index, ParameterTensor p, StepHyperparameters h);

    protected Span<float> Buffer(int tensor, int which) => Buffers[tensor * BuffersPerTensor + which];

    public OptimizerState SaveState() => new(Steps, Buffers.Select(b => (float[])b.Clone()).ToArray());

    /// <summary>The state without copying the buffers: valid only until the next step (for immediate serialization).</summary>
    public OptimizerState StateView() => new(Steps, Buffers);

    public void RestoreState(OptimizerState state)
    {
        if (state.Buffers.Count != Buffers.Length)
            throw new ArgumentException($"checkpoint has {state.Buffers.Count} optimizer buffers, this optimizer needs {Buffers.Length}.");
        for (var i = 0; i < Buffers.Length; i++)
        {
            if (state.Buffers[i].Length != Buffers[i].Length)
                throw new ArgumentException($"optimizer buffer {i} has {state.Buffers[i].Length} values, expected {Buffers[i].Length}.");
            state.Buffers[i].CopyTo(Buffers[i], 0);
        }
        Steps = state.Steps;
    }
}
