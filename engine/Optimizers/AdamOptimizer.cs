using System.Numerics;

namespace SweepCluster.Engine.Optimizers;

/// <summary>
/// torch.optim.Adam (L2 weight decay added to the gradient) and torch.optim.AdamW (decoupled: p ← p·(1 − lr·wd)
/// before the step). With t the step count:
///   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
///   p ← p − (lr / (1 − β1^t)) · m / (sqrt(v) / sqrt(1 − β2^t) + eps).
/// Buffers per tensor: 0 = m (exp_avg), 1 = v (exp_avg_sq). Vector loop and scalar tail do identical float operations.
/// </summary>
public sealed class AdamOptimizer(IReadOnlyList<ParameterTensor> parameters, double beta1, double beta2, double eps, bool decoupledWeightDecay)
    : Optimizer(parameters, buffersPerTensor: 2)
{
    protected override void Update(int index, ParameterTensor p, StepHyperparameters h)
    {
        var lr = h.LearningRateFor(p);
        var wd = h.WeightDecayFor(p);
        var stepSize = (float)(lr / (1.0 - Math.Pow(beta1, Steps)));
        var correction2 = (float)Math.Sqrt(1.0 - Math.Pow(beta2, Steps));
        var decay = decoupledWeightDecay && wd != 0 ? (float)(1.0 - lr * wd) : 1f;
        var l2 = decoupledWeightDecay ? 0f : (float)wd;
        var (b1, b2, oneMinusB1, oneMinusB2, epsilon) = ((float)beta1, (float)beta2, (float)(1.0 - beta1), (float)(1.0 - beta2), (float)eps);
        var value = p.Value.AsSpan();
        var grad = p.Grad.AsSpan();
        var m = Buffer(index, 0);
        var v = Buffer(index, 1);

        var i = 0;
        var (vDecay, vL2, vB1, vB2, vOneMinusB1, vOneMinusB2) = (new Vector<float>(decay), new Vector<float>(l2),
            new Vector<float>(b1), new Vector<float>(b2), new Vector<float>(oneMinusB1), new Vector<float>(oneMinusB2));
        var (vCorrection2, vEpsilon, vStepSize) = (new Vector<float>(correction2), new Vector<float>(epsilon), new Vector<float>(stepSize));
        for (; i <= value.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var param = new Vector<float>(value[i..]) * vDecay;                       // param.mul_(1 - lr * weight_decay)
            var g = new Vector<float>(grad[i..]) + vL2 * param;                       // grad.add(param, alpha=weight_decay)
            var mi = new Vector<float>(m[i..]) * vB1 + g * vOneMinusB1;               // exp_avg.mul_(beta1).add_(grad, alpha=1-beta1)
            var vi = new Vector<float>(v[i..]) * vB2 + g * g * vOneMinusB2;           // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1-beta2)
            var denominator = Vector.SquareRoot(vi) / vCorrection2 + vEpsilon;        // (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
            mi.CopyTo(m[i..]);
            vi.CopyTo(v[i..]);
            (param - vStepSize * (mi / denominator)).CopyTo(value[i..]);             // param.addcdiv_(exp_avg, denom, value=-step_size)
        }
        for (; i < value.Length; i++)
        {
            var param = value[i] * decay;
            var g = grad[i] + l2 * param;
            m[i] = m[i] * b1 + g * oneMinusB1;
            v[i] = v[i] * b2 + g * g * oneMinusB2;
            var denominator = MathF.Sqrt(v[i]) / correction2 + epsilon;
            value[i] = param - stepSize * (m[i] / denominator);
        }
    }
}
