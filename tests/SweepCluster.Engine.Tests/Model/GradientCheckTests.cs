using SweepCluster.Core.Specs;
using SweepCluster.Engine.Model;

namespace SweepCluster.Engine.Tests.Model;

/// <summary>Back-propagated gradients against central finite differences of the loss, for every activation and loss.</summary>
public sealed class GradientCheckTests
{
    private const float Epsilon = 1e-3f;
    private const double AbsoluteTolerance = 2e-3;
    private const double RelativeTolerance = 3e-2;

    public static TheoryData<ActivationKind, LossKind> Cases()
    {
        var data = new TheoryData<ActivationKind, LossKind>();
        foreach (var activation in Enum.GetValues<ActivationKind>())
            foreach (var loss in Enum.GetValues<LossKind>())
                data.Add(activation, loss);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackpropMatchesFiniteDifferences(ActivationKind activation, LossKind lossKind)
    {
        const int batch = 5, inputs = 4, outputs = 3;
        var network = new Mlp(inputs, [6, 5], outputs, activation, 0.1f);
        var rng = new DeterministicRandom(11);
        WeightInitializer.Initialize(network.Layers, InitScheme.Xavier, rng);
        foreach (var layer in network.Layers)
            for (var i = 0; i < layer.Bias.Length; i++) layer.Bias[i] = (float)(0.1 * rng.NextGaussian());
        var x = Enumerable.Range(0, batch * inputs).Select(_ => (float)rng.NextGaussian()).ToArray();
        var labels = Enumerable.Range(0, batch).Select(i => i % outputs).ToArray();
        var values = Enumerable.Range(0, batch * outputs).Select(_ => (float)rng.NextGaussian()).ToArray();
        var loss = Loss.For(lossKind);

        double LossAt() => loss.Compute(network.Forward(x, batch), new BatchTargets(labels, values), Span<float>.Empty, batch, outputs);

        var output = network.Forward(x, batch);
        loss.Compute(output, new BatchTargets(labels, values), network.OutputGradient(batch), batch, outputs);
        network.Backward(x, batch);

        foreach (var layer in network.Layers)
        {
            CheckTensor(layer.Weight, (float[])layer.WeightGrad.Clone(), LossAt);
            CheckTensor(layer.Bias, (float[])layer.BiasGrad.Clone(), LossAt);
        }
    }

    private static void CheckTensor(float[] parameters, float[] analytic, Func<double> lossAt)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var saved = parameters[i];
            parameters[i] = saved + Epsilon;
            var plus = lossAt();
            parameters[i] = saved - Epsilon;
            var minus = lossAt();
            parameters[i] = saved;
            var numeric = (plus - minus) / (2 * Epsilon);
            var tolerance = AbsoluteTolerance + RelativeTolerance * Math.Abs(numeric);
            Assert.True(Math.Abs(numeric - analytic[i]) <= tolerance,
                $"parameter {i}: finite difference {numeric:G6}, backprop {analytic[i]:G6}");
        }
    }
}
