// Classifies one line of an external trainer's stdout (docs/external-trainers.md, "Reports"). A pure function of the
// line: the order of epochs is ReportSequence's job. A JSON object with an "epoch" or "applied" key is a report, and a
// report that is not valid is malformed rather than a log line, so a trainer's mistake fails its trial with a clear
// message instead of silently reporting nothing: so is a line that starts with "{" and names such a key but is not
// JSON, and an object whose key is "Epoch" or "APPLIED". Other lines, JSON log records included, are log lines.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweepCluster.External;

public static partial class ReportLineParser
{
    /// <summary>What a valid epoch report looks like, for messages.</summary>
    public const string EpochExample = """{"epoch": 3, "val_accuracy": 0.91, "train_loss": 0.27}""";

    /// <summary>What a valid applied line looks like, for messages.</summary>
    public const string AppliedExample = """{"applied": {"learning_rate": 0.05, "weight_decay": 0.0001, "batch_size": 64}}""";

    private const string EitherExample =
        $"one JSON object per line, such as {EpochExample} (metric names [a-z][a-z0-9_]*, finite numbers or null) or {AppliedExample}";

    private static readonly string[] AppliedKeys = ["learning_rate", "weight_decay", "batch_size"];

    /// <summary>Classifies <paramref name="line"/> (without its line break).</summary>
    /// <returns>An <see cref="EpochReport"/>, <see cref="AppliedReport"/>, <see cref="LogLine"/> or <see cref="MalformedLine"/>;
    /// never null.</returns>
    public static ReportLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith('{')) return new LogLine(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(trimmed);
        }
        catch (JsonException e)
        {
            // Not JSON: a report gone wrong when it names an epoch or applied key (a Python dict printed with quotes
            // of its own, a trailing comma), else a log line that happens to start with a brace.
            return ReportKey().IsMatch(trimmed) ? Malformed(WhyNotJson(trimmed, e)) : new LogLine(line);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Malformed("not a JSON object");
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
                if (!names.Add(property.Name)) return Malformed($"key \"{property.Name}\" appears twice");
            var hasEpoch = names.Contains("epoch");
            var hasApplied = names.Contains("applied");
            if (hasEpoch && hasApplied) return Malformed("a line is either an epoch report or an applied line, not both");
            if (hasEpoch) return ParseEpoch(root);
            if (hasApplied) return ParseApplied(root);
            if (names.FirstOrDefault(n => n.Equals("epoch", StringComparison.OrdinalIgnoreCase) || n.Equals("applied", StringComparison.OrdinalIgnoreCase)) is { } near)
                return Malformed($"key \"{near}\": the report keys are \"epoch\" and \"applied\", lowercase");
            return new LogLine(line); // structured logging: a JSON object with no report key
        }
    }

    private static ReportLine ParseEpoch(JsonElement root)
    {
        var epoch = root.GetProperty("epoch");
        if (epoch.ValueKind != JsonValueKind.Number || !epoch.TryGetInt32(out var number))
            return Malformed($"\"epoch\" must be an integer, not {epoch.GetRawText()}");
        if (number < 1) return Malformed($"\"epoch\" counts completed epochs from 1, not {number}");

        var metrics = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "epoch") continue;
            if (!MetricName().IsMatch(property.Name))
                return Malformed($"metric name \"{property.Name}\" must match [a-z][a-z0-9_]*");
            if (!TryNumber(property.Value, out var value))
                return Malformed($"metric \"{property.Name}\" must be a finite number or null, not {property.Value.GetRawText()}");
            metrics[property.Name] = value;
        }
        return new EpochReport(number, metrics);
    }

    private static ReportLine ParseApplied(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
            if (property.Name != "applied") return Malformed($"an applied line holds only \"applied\", not \"{property.Name}\"");
        var applied = root.GetProperty("applied");
        if (applied.ValueKind != JsonValueKind.Object)
            return Malformed($"\"applied\" must be an object, not {applied.GetRawText()}");

        double? learningRate = null, weightDecay = null;
        int? batchSize = null;
        foreach (var property in applied.EnumerateObject())
        {
            if (!TryNumber(property.Value, out var value))
                return Malformed($"applied \"{property.Name}\" must be a finite number or null, not {property.Value.GetRawText()}");
            switch (property.Name)
            {
                case "learning_rate": learningRate = value; break;
                case "weight_decay": weightDecay = value; break;
                case "batch_size" when value is null: break;
                case "batch_size":
                    if (!property.Value.TryGetInt32(out var rows) || rows < 1)
                        return Malformed($"applied \"batch_size\" must be a positive integer, not {property.Value.GetRawText()}");
                    batchSize = rows;
                    break;
                default:
                    return Malformed($"applied \"{property.Name}\" is not one of {string.Join(", ", AppliedKeys)}");
            }
        }
        return new AppliedReport(learningRate, weightDecay, batchSize);
    }

    /// <summary>A finite number, or null for JSON null; false for anything else.</summary>
    private static bool TryNumber(JsonElement element, out double? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number) || !double.IsFinite(number)) return false;
        value = number;
        return true;
    }

    /// <summary>The reason a line that looks like a report is not JSON, naming the usual culprits.</summary>
    private static string WhyNotJson(string line, JsonException e)
    {
        if (NonFinite().Match(line) is { Success: true } match)
            return $"metrics must be finite numbers, not {match.Groups[1].Value} (report null for a missing value)";
        if (line.Contains('\''))
            return "not valid JSON: keys and strings take double quotes (this looks like a Python dict; print json.dumps(...) instead)";
        var where = e.BytePositionInLine is { } position ? string.Create(CultureInfo.InvariantCulture, $" at character {position + 1}") : "";
        return $"not valid JSON{where}";
    }

    private static MalformedLine Malformed(string reason) => new(reason, EitherExample);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex MetricName();

    // Python's json.dumps writes these for non-finite floats; they are not JSON.
    [GeneratedRegex(@"[:\[,]\s*(-?(?:NaN|Infinity|inf|nan))\b")]
    private static partial Regex NonFinite();

    // An epoch or applied key in any quotes or none, followed by a colon, as a trainer's mistaken report line would have it.
    [GeneratedRegex("""(?<![A-Za-z0-9_])(epoch|applied)\s*["']?\s*:""", RegexOptions.IgnoreCase)]
    private static partial Regex ReportKey();
}
