// A schedule as the spec language writes it, in JSON, with every default filled in: the family under "schedule", its
// own keys, warmup, the clock under "every" (the target's default when the spec gave none), min, max and scale. What an
// external trainer reads from its trial file, so that it can compute the schedule exactly as the engine does (the
// Python helper's schedule()). It does not validate.
using System.Text.Json.Nodes;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;
using K = SweepCluster.Specs.ScheduleKeys;

namespace SweepCluster.Specs;

/// <summary>Writes a <see cref="ScheduleSpec"/> as a JSON object in the spec's own keys.</summary>
public static class ScheduleSpecJson
{
    /// <summary>Scales a schedule (population-based training's perturbation): not a spec key, written when set.</summary>
    public const string Scale = "scale";

    /// <summary>The schedule of <paramref name="target"/> as a JSON object.</summary>
    public static JsonObject ToJson(ScheduleSpec schedule, ScheduleTarget target)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var json = new JsonObject { [K.Schedule] = SpecNames.Of(schedule.Family) };
        foreach (var own in K.OwnKeys[schedule.Family])
        {
            switch (own)
            {
                case K.Initial: json[own] = schedule.Initial; break;
                case K.Final: json[own] = schedule.Final; break;
                case K.Alpha: json[own] = schedule.Alpha; break;
                case K.Beta: json[own] = schedule.Beta; break;
                case K.Gamma: json[own] = schedule.Gamma; break;
                case K.StepSize when schedule.Milestones.Count == 0: json[own] = schedule.StepSize; break;
                case K.Milestones when schedule.Milestones.Count > 0: json[own] = new JsonArray([.. schedule.Milestones.Select(m => (JsonNode)m)]); break;
                case K.Values when schedule.Values is { } pieces:
                    json[own] = new JsonArray([.. pieces.Select(p => (JsonNode)new JsonArray(p.Start, p.Value))]);
                    break;
                case K.Layers when schedule.Layers is { } layers: json[own] = new JsonArray([.. layers.Select(l => (JsonNode)l)]); break;
            }
        }
        json[K.Warmup] = schedule.Warmup;
        json[K.Every] = SpecNames.Of(schedule.Every ?? ScheduleFactory.DefaultClock(target));
        if (schedule.Min is { } min) json[K.Min] = min;
        if (schedule.Max is { } max) json[K.Max] = max;
        if (schedule.Scale is { } scale && scale != 1.0) json[Scale] = scale;
        return json;
    }
}
