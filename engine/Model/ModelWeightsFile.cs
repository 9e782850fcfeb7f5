// Reads and writes a network's weights as JSON a user can inspect, warm-start from or export:
//   {"layers":[{"weight":[[... fan_out values ...] × fan_in rows], "bias":[... fan_out ...]}, ...]}
// Deliberately only weights and biases: optimizer state and schedules live in checkpoints.
using System.Text.Json;

namespace SweepCluster.Engine.Model;

public static class ModelWeightsFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record LayerJson(float[][]? Weight, float[]? Bias);

    private sealed record WeightsJson(LayerJson[]? Layers);

    public static void Write(string path, Mlp network)
    {
        var json = new WeightsJson(network.Layers.Select(l => new LayerJson(
            Enumerable.Range(0, l.FanIn).Select(row => l.Weight.AsSpan(row * l.FanOut, l.FanOut).ToArray()).ToArray(),
            l.Bias.ToArray())).ToArray());
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, json, Options);
    }

    /// <summary>Copies the file's weights into <paramref name="network"/>, checking every shape first.</summary>
    /// <exception cref="InvalidDataException">The file is missing, is not valid JSON, or a shape differs; the message says which.</exception>
    public static void ReadInto(string path, Mlp network)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: weights file not found");
        WeightsJson? json;
        try
        {
            using var stream = File.OpenRead(path);
            json = JsonSerializer.Deserialize<WeightsJson>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{(e.LineNumber ?? 0) + 1}: not a weights file: {e.Message}");
        }
        var layers = json?.Layers ?? throw new InvalidDataException($"{path}: expected {{\"layers\": [...]}}");
        if (layers.Length != network.Layers.Count)
            throw new InvalidDataException($"{path}: has {layers.Length} layers, the spec's network has {network.Layers.Count}");
        for (var l = 0; l < layers.Length; l++) CheckShape(path, l, layers[l], network.Layers[l]);
        for (var l = 0; l < layers.Length; l++)
        {
            var target = network.Layers[l];
            for (var row = 0; row < target.FanIn; row++) layers[l].Weight![row].CopyTo(target.Weight, row * target.FanOut);
            layers[l].Bias!.CopyTo(target.Bias, 0);
        }
    }

    private static void CheckShape(string path, int index, LayerJson layer, DenseLayer expected)
    {
        var where = $"{path}: layers[{index}]";
        if (layer.Weight is null || layer.Bias is null) throw new InvalidDataException($"{where}: needs both \"weight\" and \"bias\"");
        if (layer.Weight.Length != expected.FanIn || layer.Weight.Any(row => row is null || row.Length != expected.FanOut))
            throw new InvalidDataException($"{where}.weight: expected {expected.FanIn} rows of {expected.FanOut} values (fan_in × fan_out)");
        if (layer.Bias.Length != expected.FanOut)
            throw new InvalidDataException($"{where}.bias: expected {expected.FanOut} values, found {layer.Bias.Length}");
        if (layer.Weight.Any(row => row.Any(v => !float.IsFinite(v))) || layer.Bias.Any(v => !float.IsFinite(v)))
            throw new InvalidDataException($"{where}: every weight must be a finite number");
    }
}
