namespace SweepCluster.Engine.Optimizers;

/// <summary>
/// torch.optim.SGD with dampening 0:
///   g ← grad + wd·p;  buf ← g on the first step, else momentum·buf + g;
///   g ← g + momentum·buf (Nesterov) or buf;  p ← p − lr·g.
/// </summary>
public sealed class SgdOptimizer(IReadOnlyList<ParameterTensor> parameters, double momentum, bool nesterov)
    : Optimizer(parameters, buffersPerTensor: momentum != 0 ? 1 : 0)
{
    protected override void Update(int index, ParameterTensor p, StepHyperparameters h)
    {
        var lr = (float)h.LearningRateFor(p);
        var wd = (float)h.WeightDecayFor(p);
        var mu = (float)momentum;
        var value = p.Value.AsSpan();
        var grad = p.Grad.AsSpan();
        var velocity = momentum != 0 ? Buffer(index, 0) : Span<float>.Empty;
        var firstStep = Steps == 1;
        for (var i = 0; i < value.Length; i++)
        {
            var g = wd != 0 ? grad[i] + wd * value[i] : grad[i];   // L2: d_p = d_p.add(p, alpha=wd)
            if (!velocity.IsEmpty)
            {
                velocity[i] = firstStep ? g : mu * velocity[i] + g;  // buf.mul_(momentum).add_(d_p)
                g = nesterov ? g + mu * velocity[i] : velocity[i];   // d_p.add(buf, alpha=momentum) | buf
            }
            value[i] -= lr * g;                                      // p.add_(d_p, alpha=-lr)
        }
    }
}
