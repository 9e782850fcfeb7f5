using System.Numerics;

namespace SweepCluster.Engine.Optimizers;

/// <summary>
/// torch.optim.SGD with dampening 0:
///   g ← grad + wd·p;  buf ← g on the first step, else momentum·buf + g;
///   g ← g + momentum·buf (Nesterov) or buf;  p ← p − lr·g.
/// The vector loop and the scalar tail do the same float operations in the same order, so any width gives the same bits.
/// </summary>
public sealed class SgdOptimizer(IReadOnlyList<ParameterTensor> parameters, double momentum, bool nesterov)
    : Optimizer(parameters, buffersPerTensor: momentum != 0 ? 1 : 0)
{
    protected override void Update(int index, ParameterTensor p, StepHyperparameters h)
    {
        var lr = (float)h.LearningRateFor(p);
        var wd = (float)h.WeightDecayFor(p);
        var value = p.Value.AsSpan();
        var grad = p.Grad.AsSpan();
        if (momentum == 0)
        {
            UpdatePlain(value, grad, lr, wd);
            return;
        }
        UpdateWithMomentum(value, grad, Buffer(index, 0), lr, wd, (float)momentum, nesterov, firstStep: Steps == 1);
    }

    // p ← p − lr·(grad + wd·p)
    private static void UpdatePlain(Span<float> value, ReadOnlySpan<float> grad, float lr, float wd)
    {
        var i = 0;
        var (lrs, wds) = (new Vector<float>(lr), new Vector<float>(wd));
        for (; i <= value.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var p = new Vector<float>(value[i..]);
            var g = new Vector<float>(grad[i..]) + wds * p;
            (p - lrs * g).CopyTo(value[i..]);
        }
        for (; i < value.Length; i++) value[i] -= lr * (grad[i] + wd * value[i]);
    }

    private static void UpdateWithMomentum(Span<float> value, ReadOnlySpan<float> grad, Span<float> velocity, float lr, float wd, float mu, bool nesterov, bool firstStep)
    {
        var i = 0;
        var (lrs, wds, mus) = (new Vector<float>(lr), new Vector<float>(wd), new Vector<float>(mu));
        var keep = firstStep ? Vector<float>.Zero : mus; // first step: buf = g exactly (0·buf + g == g)
        for (; i <= value.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var p = new Vector<float>(value[i..]);
            var g = new Vector<float>(grad[i..]) + wds * p;                 // d_p = d_p.add(p, alpha=wd)
            var v = keep * new Vector<float>(velocity[i..]) + g;            // buf.mul_(momentum).add_(d_p)
            v.CopyTo(velocity[i..]);
            var step = nesterov ? g + mus * v : v;                          // d_p.add(buf, alpha=momentum) | buf
            (p - lrs * step).CopyTo(value[i..]);                            // p.add_(d_p, alpha=-lr)
        }
        var keepScalar = firstStep ? 0f : mu;
        for (; i < value.Length; i++)
        {
            var g = grad[i] + wd * value[i];
            velocity[i] = keepScalar * velocity[i] + g;
            var step = nesterov ? g + mu * velocity[i] : velocity[i];
            value[i] -= lr * step;
        }
    }
}
