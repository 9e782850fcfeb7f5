namespace SweepCluster.Engine.Optimizers;

/// <summary>
/// torch.optim.Adam (L2 weight decay added to the gradient) and torch.optim.AdamW (decoupled: p ← p·(1 − lr·wd)
/// before the step). With t the step count:
///   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
///   p ← p − (lr / (1 − β1^t)) · m / (sqrt(v) / sqrt(1 − β2^t) + eps).
/// Buffers per tensor: 0 = m (exp_avg), 1 = v (exp_avg_sq).
/// </summary>
public sealed class AdamOptimizer(IReadOnlyList<ParameterTensor> parameters, double beta1, double beta2, double eps, bool decoupledWeightDecay)
    : Optimizer(parameters, buffersPerTensor: 2)
{
    protected override void Update(int index, ParameterTensor p, StepHyperparameters h)
    {
        var lr = h.LearningRateFor(p);
        var wd = h.WeightDecayFor(p);
        var biasCorrection1 = 1.0 - Math.Pow(beta1, Steps);
        var biasCorrection2Sqrt = Math.Sqrt(1.0 - Math.Pow(beta2, Steps));
        var stepSize = (float)(lr / biasCorrection1);
        var decayFactor = (float)(1.0 - lr * wd);
        var l2 = decoupledWeightDecay ? 0f : (float)wd;
        var (b1, b2, oneMinusB1, oneMinusB2) = ((float)beta1, (float)beta2, (float)(1.0 - beta1), (float)(1.0 - beta2));
        var (correction2, epsilon) = ((float)biasCorrection2Sqrt, (float)eps);
        var value = p.Value.AsSpan();
        var grad = p.Grad.AsSpan();
        var m = Buffer(index, 0);
        var v = Buffer(index, 1);
        for (var i = 0; i < value.Length; i++)
        {
            if (decoupledWeightDecay && wd != 0) value[i] *= decayFactor;  // param.mul_(1 - lr * weight_decay)
            var g = l2 != 0 ? grad[i] + l2 * value[i] : grad[i];          // grad.add(param, alpha=weight_decay)
            m[i] = m[i] * b1 + g * oneMinusB1;                             // exp_avg.mul_(beta1).add_(grad, alpha=1-beta1)
            v[i] = v[i] * b2 + g * g * oneMinusB2;                         // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1-beta2)
            var denominator = MathF.Sqrt(v[i]) / correction2 + epsilon;    // (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
            value[i] -= stepSize * (m[i] / denominator);                   // param.addcdiv_(exp_avg, denom, value=-step_size)
        }
    }
}
