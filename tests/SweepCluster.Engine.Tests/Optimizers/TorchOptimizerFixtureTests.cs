using System.Text.Json;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Model;
using SweepCluster.Engine.Optimizers;
using SweepCluster.Engine.Tests.Support;

namespace SweepCluster.Engine.Tests.Optimizers;

/// <summary>
/// Each optimizer's first steps against trajectories recorded with torch.optim (Fixtures/optimizers/*.json): the same
/// initial weights, batches, per-step learning rates and weight decays must give the same losses and parameters.
/// </summary>
public sealed class TorchOptimizerFixtureTests
{
    // float32 sums run in a different order than OpenBLAS's, so bits differ; torch itself stays within ~1.5e-7 of float64.
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(TorchFixture.Directory("optimizers"), "*.json").Order())
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MatchesTorchStepByStep(string name)
    {
        var fixture = TorchFixture.Load(Path.Combine(TorchFixture.Directory("optimizers"), name + ".json"));
        var network = TorchFixture.Network(fixture);
        var loss = Loss.For(TorchFixture.ParseEnum<LossKind>(fixture.GetProperty("loss").GetString()!));
        var optimizer = Optimizer.Create(OptimizerSpecOf(fixture.GetProperty("optimizer")), Parameters(network));
        var step = 0;
        foreach (var expected in fixture.GetProperty("steps").EnumerateArray())
        {
            step++;
            var x = TorchFixture.Matrix(expected.GetProperty("inputs"));
            var batch = x.Length / network.Inputs;
            var labels = expected.TryGetProperty("labels", out var l) ? TorchFixture.Labels(l) : [];
            var targets = expected.TryGetProperty("targets", out var t) ? TorchFixture.Matrix(t) : [];
            var output = network.Forward(x, batch);
            var value = loss.Compute(output, new BatchTargets(labels, targets), network.OutputGradient(batch), batch, network.Outputs);
            Assert.True(Math.Abs(value - expected.GetProperty("loss").GetDouble()) <= Tolerance, $"step {step} loss: torch {expected.GetProperty("loss").GetDouble()}, engine {value}");
            network.Backward(x, batch);
            optimizer.Step(new StepHyperparameters(expected.GetProperty("learning_rate").GetDouble(), expected.GetProperty("weight_decay").GetDouble(), _ => 1.0));

            var after = expected.GetProperty("after").GetProperty("layers").EnumerateArray().ToArray();
            for (var layer = 0; layer < after.Length; layer++)
            {
                TorchFixture.AssertClose(TorchFixture.Matrix(after[layer].GetProperty("weight")), network.Layers[layer].Weight, Tolerance, $"step {step} layer {layer} weight");
                TorchFixture.AssertClose(TorchFixture.Vector(after[layer].GetProperty("bias")), network.Layers[layer].Bias, Tolerance, $"step {step} layer {layer} bias");
            }
        }
        Assert.True(step >= 3, "a fixture has several steps");
    }

    [Fact]
    public void GradientsMatchAutograd()
    {
        var cases = TorchFixture.Load(Path.Combine(TorchFixture.Directory("gradients"), "mlp_grads.json")).GetProperty("cases");
        var count = 0;
        foreach (var fixture in cases.EnumerateArray())
        {
            count++;
            var network = TorchFixture.Network(fixture);
            var loss = Loss.For(TorchFixture.ParseEnum<LossKind>(fixture.GetProperty("loss").GetString()!));
            var x = TorchFixture.Matrix(fixture.GetProperty("inputs"));
            var batch = x.Length / network.Inputs;
            var labels = fixture.TryGetProperty("labels", out var l) ? TorchFixture.Labels(l) : [];
            var targets = fixture.TryGetProperty("targets", out var t) ? TorchFixture.Matrix(t) : [];
            var value = loss.Compute(network.Forward(x, batch), new BatchTargets(labels, targets), network.OutputGradient(batch), batch, network.Outputs);
            Assert.Equal(fixture.GetProperty("loss_value").GetDouble(), value, 5);
            network.Backward(x, batch);
            var grads = fixture.GetProperty("grads").GetProperty("layers").EnumerateArray().ToArray();
            for (var layer = 0; layer < grads.Length; layer++)
            {
                TorchFixture.AssertClose(TorchFixture.Matrix(grads[layer].GetProperty("weight")), network.Layers[layer].WeightGrad, Tolerance, $"layer {layer} dW");
                TorchFixture.AssertClose(TorchFixture.Vector(grads[layer].GetProperty("bias")), network.Layers[layer].BiasGrad, Tolerance, $"layer {layer} db");
            }
        }
        Assert.Equal(Enum.GetValues<ActivationKind>().Length * Enum.GetValues<LossKind>().Length, count);
    }

    private static ParameterTensor[] Parameters(Mlp network) => network.Layers.SelectMany((layer, index) => new[]
    {
        new ParameterTensor(layer.Weight, layer.WeightGrad, IsWeight: true, index),
        new ParameterTensor(layer.Bias, layer.BiasGrad, IsWeight: false, index),
    }).ToArray();

    private static OptimizerSpec OptimizerSpecOf(JsonElement o) => new()
    {
        Type = TorchFixture.ParseEnum<OptimizerKind>(o.GetProperty("type").GetString()!),
        Momentum = o.GetProperty("momentum").GetDouble(),
        Nesterov = o.GetProperty("nesterov").GetBoolean(),
        Beta1 = o.GetProperty("beta1").GetDouble(),
        Beta2 = o.GetProperty("beta2").GetDouble(),
        Eps = o.GetProperty("eps").GetDouble(),
        Alpha = o.GetProperty("alpha").GetDouble(),
        Centered = o.GetProperty("centered").GetBoolean(),
    };
}
