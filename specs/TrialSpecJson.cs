// The canonical JSON form of a TrialSpec (grains exchange and store the record itself, not this text): snake_case
// names and enum values, every field written.
using System.Text.Json;
using System.Text.Json.Serialization;
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

public static class TrialSpecJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Serialize(TrialSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <exception cref="InvalidDataException">The text is not a canonical trial spec.</exception>
    public static TrialSpec Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TrialSpec>(json, Options) ?? throw new InvalidDataException("trial spec JSON is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a canonical trial spec: {e.Message}", e);
        }
    }
}
