namespace SweepCluster.Engine.Optimizers;

/// <summary>
/// torch.optim.RMSprop:
///   g ← grad + wd·p;  s ← α·s + (1 − α)·g²;
///   centred: ḡ ← α·ḡ + (1 − α)·g, avg = sqrt(s − ḡ²) + eps; else avg = sqrt(s) + eps;
///   momentum &gt; 0: buf ← momentum·buf + g/avg, p ← p − lr·buf; else p ← p − lr·g/avg.
/// Buffers per tensor: 0 = square_avg, 1 = momentum_buffer, 2 = grad_avg.
/// </summary>
public sealed class RmsPropOptimizer(IReadOnlyList<ParameterTensor> parameters, double alpha, double eps, double momentum, bool centered)
    : Optimizer(parameters, buffersPerTensor: 3)
{
    protected override void Update(int index, ParameterTensor p, StepHyperparameters h)
    {
        var lr = (float)h.LearningRateFor(p);
        var wd = (float)h.WeightDecayFor(p);
        var (a, oneMinusA, epsilon, mu) = ((float)alpha, (float)(1.0 - alpha), (float)eps, (float)momentum);
        var value = p.Value.AsSpan();
        var grad = p.Grad.AsSpan();
        var squareAvg = Buffer(index, 0);
        var velocity = Buffer(index, 1);
        var gradAvg = Buffer(index, 2);
        for (var i = 0; i < value.Length; i++)
        {
            var g = wd != 0 ? grad[i] + wd * value[i] : grad[i];
            squareAvg[i] = squareAvg[i] * a + g * g * oneMinusA;              // square_avg.mul_(alpha).addcmul_(grad, grad, value=1-alpha)
            float avg;
            if (centered)
            {
                gradAvg[i] = gradAvg[i] * a + g * oneMinusA;                  // grad_avg.mul_(alpha).add_(grad, alpha=1-alpha)
                avg = MathF.Sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + epsilon;
            }
            else
            {
                avg = MathF.Sqrt(squareAvg[i]) + epsilon;
            }
            if (momentum > 0)
            {
                velocity[i] = velocity[i] * mu + g / avg;                     // buf.mul_(momentum).addcdiv_(grad, avg)
                value[i] -= lr * velocity[i];                                 // param.add_(buf, alpha=-lr)
            }
            else
            {
                value[i] -= lr * (g / avg);                                   // param.addcdiv_(grad, avg, value=-lr)
            }
        }
    }
}
