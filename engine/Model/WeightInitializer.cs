// Initial weights from the trial seed. Biases start at zero. Draws go row by row through W (fanIn, fanOut), layer by
// layer, from one DeterministicRandom stream, so a seed gives the same network on any machine.
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Model;

public static class WeightInitializer
{
    /// <summary>He: N(0, 2/fan_in); Xavier (Glorot normal): N(0, 2/(fan_in + fan_out)); Normal: the seed's N(0, 1).</summary>
    public static void Initialize(IReadOnlyList<DenseLayer> layers, InitScheme scheme, DeterministicRandom random)
    {
        foreach (var layer in layers)
        {
            var std = scheme switch
            {
                InitScheme.He => Math.Sqrt(2.0 / layer.FanIn),
                InitScheme.Xavier => Math.Sqrt(2.0 / (layer.FanIn + layer.FanOut)),
                InitScheme.Normal => 1.0,
                _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
            };
            for (var i = 0; i < layer.Weight.Length; i++) layer.Weight[i] = (float)(random.NextGaussian() * std);
            Array.Clear(layer.Bias);
        }
    }
}
