using System.Text.Json;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Model;

namespace SweepCluster.Engine.Tests.Support;

/// <summary>Reads the JSON fixtures that Fixtures/generate_fixtures.py wrote with PyTorch 1.13.</summary>
public static class TorchFixture
{
    public static string Directory(string sub) => Path.Combine(AppContext.BaseDirectory, "Fixtures", sub);

    public static JsonElement Load(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public static TEnum ParseEnum<TEnum>(string snake) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(snake.Replace("_", ""), ignoreCase: true);

    public static Mlp Network(JsonElement fixture)
    {
        var sizes = fixture.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var network = new Mlp(sizes[0], sizes[1..^1], sizes[^1], ParseEnum<ActivationKind>(fixture.GetProperty("activation").GetString()!), 0.01f);
        SetLayers(network, fixture.GetProperty("initial"));
        return network;
    }

    public static void SetLayers(Mlp network, JsonElement layers)
    {
        var list = layers.GetProperty("layers").EnumerateArray().ToArray();
        for (var l = 0; l < list.Length; l++)
        {
            Matrix(list[l].GetProperty("weight")).CopyTo(network.Layers[l].Weight, 0);
            Vector(list[l].GetProperty("bias")).CopyTo(network.Layers[l].Bias, 0);
        }
    }

    public static float[] Matrix(JsonElement rows) => rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetSingle())).ToArray();

    public static float[] Vector(JsonElement values) => values.EnumerateArray().Select(v => v.GetSingle()).ToArray();

    public static int[] Labels(JsonElement values) => values.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>|actual − expected| ≤ tolerance·max(1, |expected|) for every element.</summary>
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * Math.Max(1.0, Math.Abs(expected[i])),
                $"{what}[{i}]: torch {expected[i]:G9}, engine {actual[i]:G9}");
    }
}
