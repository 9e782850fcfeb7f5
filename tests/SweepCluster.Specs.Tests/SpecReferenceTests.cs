// docs/spec.md against the binders, so the reference cannot drift from the code: every table marked
// `<!-- keys: NAME -->` lists exactly the keys its binder accepts, and every default written there as `code` is what
// the binder gives when the key is left out (writing the documented default explicitly binds the same spec as
// omitting it). The trial table's defaults are the ones users meet first (learning_rate, weight_decay, batch_size).
using System.Text.Json;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Specs.Tests;

public sealed class SpecReferenceTests
{
    private static readonly SpecReference Reference = SpecReference.Load();

    public static TheoryData<string> KeyTables => ["trial", "model", "optimizer", "schedule", "sweep", "search", "metric", "scheduler"];

    [Theory]
    [MemberData(nameof(KeyTables))]
    public void EveryKeyTable_ListsExactlyTheKeysItsBinderAccepts(string table)
    {
        IReadOnlyList<string> accepted = table switch
        {
            "trial" => TrialSpecBinder.Keys,
            "model" => ModelSpecBinder.Keys,
            "optimizer" => OptimizerSpecBinder.Keys,
            "schedule" => ScheduleKeys.All,
            "sweep" => SweepKeys.TopLevel,
            "search" => SweepKeys.SearchKeys,
            "metric" => SweepKeys.MetricKeys,
            "scheduler" => SweepKeys.SchedulerKeys,
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        var documented = Reference.Table(table).Select(row => row.Key).ToArray();
        Assert.True(documented.Length == documented.Distinct().Count(), $"docs/spec.md, table '{table}' lists a key twice: {string.Join(", ", documented)}");
        AssertSameKeys($"docs/spec.md, table '{table}'", accepted, documented);
        Assert.All(Reference.Table(table), row => Assert.False(string.IsNullOrWhiteSpace(row.Default), $"'{row.Key}' has no default in table '{table}'"));
    }

    [Fact]
    public void ScheduleFamilyTable_GivesEveryFamilyExactlyItsOwnKeys()
    {
        var rows = Reference.Table("schedule-families");
        AssertSameKeys("docs/spec.md, the schedule families", SpecNames.All<ScheduleFamily>(), rows.Select(row => row.Key).ToArray());
        foreach (var row in rows)
        {
            Assert.True(SpecNames.TryParse<ScheduleFamily>(row.Key, out var family), $"unknown family '{row.Key}'");
            var documented = row.Default.Trim('`').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            AssertSameKeys($"docs/spec.md, the keys of {row.Key}", ScheduleKeys.OwnKeys[family], documented);
        }
    }

    [Fact]
    public void TrialDefaultsInTheDocs_AreWhatAnEmptySpecBinds()
    {
        var empty = BindTrial("{}");
        var literal = Reference.Table("trial").Where(row => row.Literal is not null).ToArray();
        Assert.Contains(literal, row => row.Key == TrialSpecBinder.LearningRate);
        Assert.Contains(literal, row => row.Key == TrialSpecBinder.WeightDecay);
        Assert.Contains(literal, row => row.Key == TrialSpecBinder.BatchSize);
        foreach (var row in literal) AssertSameSpec($"{row.Key}: {row.Literal}", empty, BindTrial($"{row.Key}: {row.Literal}"));
        var everyDefault = string.Join('\n', literal.Select(row => $"{row.Key}: {row.Literal}"));
        AssertSameSpec(everyDefault, empty, BindTrial(everyDefault));
    }

    [Theory]
    [InlineData("model")]
    [InlineData("optimizer")]
    public void NestedDefaultsInTheDocs_AreWhatAnEmptyMappingBinds(string table)
    {
        var empty = BindTrial("{}");
        foreach (var row in Reference.Table(table).Where(row => row.Literal is not null))
        {
            var text = $"{table}: {{ {row.Key}: {row.Literal} }}";
            AssertSameSpec(text, empty, BindTrial(text));
        }
    }

    [Fact]
    public void ScheduleDefaultsInTheDocs_AreWhatTheBinderGivesAnOmittedKey()
    {
        var checkedAny = false;
        foreach (var row in Reference.Table("schedule").Where(row => row.Literal is not null))
        {
            foreach (var target in Enum.GetValues<ScheduleTarget>())
            {
                if (FamilyFor(row.Key, target) is not { } family) continue;
                var key = ScheduleKeys.KeyOf(target);
                var omitted = row.Key == ScheduleKeys.Schedule ? $"{key}: {{}}" : $"{key}: {{ schedule: {SpecNames.Of(family)} }}";
                var given = row.Key == ScheduleKeys.Schedule
                    ? $"{key}: {{ schedule: {row.Literal} }}"
                    : $"{key}: {{ schedule: {SpecNames.Of(family)}, {row.Key}: {row.Literal} }}";
                AssertSameSpec(given, BindTrial(omitted), BindTrial(given));
                checkedAny = true;
            }
        }
        Assert.True(checkedAny, "no schedule default was checked");
    }

    [Fact]
    public void SweepDefaultsInTheDocs_AreWhatTheBinderGivesAnOmittedKey()
    {
        const string trial = "dataset: iris\nepochs: 10\n";
        foreach (var row in Reference.Table("sweep").Where(row => row.Literal is not null))
        {
            AssertSameSweep(row.Key, trial, trial + $"{row.Key}: {row.Literal}\n");
        }
        foreach (var row in Reference.Table("search").Where(row => row.Literal is not null))
        {
            var rest = row.Key == SweepKeys.Strategy ? ""
                : SweepKeys.TpeKeys.Contains(row.Key) ? "strategy: tpe, trials: 2, "
                : SweepKeys.NsgaIIKeys.Contains(row.Key) ? "strategy: nsga2, trials: 2, "
                : "strategy: random, trials: 2, ";
            var trialOf = SweepKeys.NsgaIIKeys.Contains(row.Key) ? trial + "objectives: [val_accuracy, steps]\n" : trial;
            AssertSameSweep($"search.{row.Key}", trialOf + $"search: {{ {rest.TrimEnd(',', ' ')} }}\n",
                trialOf + $"search: {{ {rest}{row.Key}: {row.Literal} }}\n");
        }
        foreach (var row in Reference.Table("scheduler").Where(row => row.Literal is not null))
        {
            if (row.Key == SweepKeys.SchedulerType)
            {
                AssertSameSweep("scheduler.type", trial, trial + $"scheduler: {{ type: {row.Literal} }}\n");
                continue;
            }
            var kind = Enum.GetValues<SchedulerKind>().First(k => SweepKeys.SchedulerKeysFor(k).Contains(row.Key));
            // epsilon is pareto_front's tolerance: a multi-objective sweep with that promotion
            var (sweep, type) = row.Key == SweepKeys.Epsilon
                ? (trial + "objectives: [val_accuracy, steps]\n", $"{SpecNames.Of(kind)}, promotion: pareto_front")
                : (trial, SpecNames.Of(kind));
            AssertSameSweep($"scheduler.{row.Key}", sweep + $"scheduler: {{ type: {type} }}\n",
                sweep + $"scheduler: {{ type: {type}, {row.Key}: {row.Literal} }}\n");
        }
    }

    /// <summary>A family that uses <paramref name="key"/> and may drive <paramref name="target"/> (common keys: constant).</summary>
    private static ScheduleFamily? FamilyFor(string key, ScheduleTarget target)
    {
        if (ScheduleKeys.Common.Contains(key)) return ScheduleFamily.Constant;
        foreach (var family in ScheduleKeys.FamiliesUsing(key))
        {
            if (family != ScheduleFamily.Recorded && ScheduleKeys.Allows(family, target)) return family;
        }
        return null;
    }

    private static TrialSpec BindTrial(string yaml) => TrialSpecLoader.Parse(yaml, SpecFormat.Yaml, "reference.yaml").Spec;

    private static void AssertSameSpec(string written, TrialSpec omitted, TrialSpec given)
    {
        foreach (var property in typeof(TrialSpec).GetProperties())
        {
            var want = JsonSerializer.Serialize(property.GetValue(omitted));
            var got = JsonSerializer.Serialize(property.GetValue(given));
            Assert.True(want == got,
                $"docs/spec.md's default is not the binder's: '{written}' binds {property.Name} = {got}, leaving it out binds {want}");
        }
    }

    private static void AssertSameSweep(string field, string omitted, string given)
    {
        var want = Settings(SweepSpecLoader.Parse(omitted, SpecFormat.Yaml, "reference.yaml"));
        var got = Settings(SweepSpecLoader.Parse(given, SpecFormat.Yaml, "reference.yaml"));
        Assert.True(want == got, $"docs/spec.md's default of {field} is not the binder's:{Environment.NewLine}written: {got}{Environment.NewLine}omitted: {want}");
    }

    private static string Settings(SweepSpec spec) => JsonSerializer.Serialize(new
    {
        spec.Name, spec.Strategy, spec.RandomTrials, spec.SearchSeed, spec.Metric, spec.Seeds, spec.MaxConcurrent,
        spec.Retries, spec.Checkpoints, spec.SchedulerSettings, spec.Combinations, spec.Tpe, spec.NsgaII,
    });

    private static void AssertSameKeys(string where, IEnumerable<string> accepted, IReadOnlyCollection<string> documented)
    {
        var missing = accepted.Except(documented).ToArray();
        var extra = documented.Except(accepted).ToArray();
        Assert.True(missing.Length == 0 && extra.Length == 0,
            $"{where}: not documented: [{string.Join(", ", missing)}]; documented but not accepted: [{string.Join(", ", extra)}]");
    }
}

/// <summary>The key tables of docs/spec.md: each follows a line <c>&lt;!-- keys: NAME --&gt;</c>.</summary>
internal sealed class SpecReference(IReadOnlyDictionary<string, IReadOnlyList<SpecReference.Row>> tables)
{
    /// <summary>One row: the key (first cell, without backticks) and the default cell (the second) as written.</summary>
    /// <param name="Literal">The default when the cell starts with a code span (a value to bind), else null (words).</param>
    public sealed record Row(string Key, string Default, string? Literal);

    public IReadOnlyList<Row> Table(string name) =>
        tables.TryGetValue(name, out var rows) ? rows : throw new InvalidOperationException($"docs/spec.md has no table marked <!-- keys: {name} -->");

    public static SpecReference Load()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "spec.md"));
        var tables = new Dictionary<string, IReadOnlyList<Row>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].Trim();
            if (!marker.StartsWith("<!-- keys:", StringComparison.Ordinal)) continue;
            var name = marker["<!-- keys:".Length..].Replace("-->", "", StringComparison.Ordinal).Trim();
            var rows = new List<Row>();
            // The header row and the separator row, then one row per key until the table ends.
            for (var j = i + 3; j < lines.Length && lines[j].TrimStart().StartsWith('|'); j++)
            {
                var cells = lines[j].Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
                var defaultCell = cells.Length > 1 ? cells[1] : "";
                rows.Add(new Row(cells[0].Trim('`'), defaultCell, LeadingCode(defaultCell)));
            }
            Assert.True(rows.Count > 0, $"docs/spec.md: the table marked '{name}' has no rows");
            tables.Add(name, rows);
        }
        return new SpecReference(tables);
    }

    private static string? LeadingCode(string cell)
    {
        if (!cell.StartsWith('`')) return null;
        var end = cell.IndexOf('`', 1);
        return end > 1 ? cell[1..end] : null;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no SweepCluster.sln above {AppContext.BaseDirectory}");
    }
}
