// The report's JSON metadata, generated at build time: the serializer then builds no reflection-based serializer the
// first time a process writes a report (about a tenth of a second of `sweep run`'s report folder, measured on the
// installed tool). Its options are the ones SweepReportJson gives every document; the comparison document and any
// other type fall back to reflection.
using System.Text.Json.Serialization;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Json;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SweepReport))]
internal sealed partial class SweepReportJsonContext : JsonSerializerContext;
