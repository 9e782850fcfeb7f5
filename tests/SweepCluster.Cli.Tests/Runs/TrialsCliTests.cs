// `sweep trials` in this process on a store made by a real `sweep run`: the CSV parses back with one row per trial and
// typed columns equal to the store's values; --history has one row per (trial, epoch); JSON is valid and typed; the
// table names every column; and the store file does not change by a byte.
using System.Globalization;
using System.Text.Json;
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;
using SweepCluster.Reporting.Runs;
using SweepCluster.Store;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests.Runs;

[Collection(RunStoreCollection.Name)]
public sealed class TrialsCliTests(RunStoreFixture run)
{
    private static readonly string[] IntegerColumns = ["trial", "combination", "seed", "epochs_run", "attempts", "best_epoch", "batch_size.initial"];
    private static readonly string[] RealColumns = ["learning_rate.initial", "final_metric", "best_metric", "wall_seconds"];

    private async Task<(int ExitCode, string Stdout, string Console)> TrialsAsync(RunTableFormat format, bool history = false)
    {
        var stdout = new StringWriter();
        var (exit, console) = await CliRunner.CaptureAsync(c => CommandErrors.GuardAsync(c, () =>
            TrialsCommand.RunAsync(c, stdout, RunStoreFixture.SweepId, format, history, new StoreChoice(run.StorePath), CancellationToken.None)));
        return (exit, stdout.ToString(), console);
    }

    [Fact]
    public async Task Csv_parses_back_with_one_row_per_trial_and_the_stores_typed_values()
    {
        var (exit, csv, console) = await TrialsAsync(RunTableFormat.Csv);

        Assert.True(exit == 0, console);
        var records = CsvRecords.Parse(csv);
        var header = records[0];
        Assert.Equal(["trial", "combination", "seed", "status"], header.Take(4));
        Assert.Equal(["final_metric", "best_metric", "best_epoch", "epochs_run", "wall_seconds", "silo", "attempts", "pruned_at_epoch", "pbt_donor", "finished"],
            header.TakeLast(10));
        Assert.Contains("learning_rate.schedule", header);
        Assert.Contains("model.hidden", header);
        var rows = records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(RunStoreFixture.Trials, rows.Count);
        Assert.Equal(Enumerable.Range(0, RunStoreFixture.Trials).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["trial"]));
        foreach (var row in rows)
        {
            foreach (var column in IntegerColumns) Assert.True(long.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out _), $"{column}={row[column]}");
            foreach (var column in RealColumns) Assert.True(double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{column}={row[column]}");
            Assert.Equal("completed", row["status"]);
            Assert.True(DateTimeOffset.TryParse(row["finished"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), $"finished={row["finished"]}");
            Assert.Equal(3, row["epochs_run"] is var e ? int.Parse(e, CultureInfo.InvariantCulture) : 0);
        }
        Assert.Equal(["[8, 4]", "[8]"], rows.Select(r => r["model.hidden"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["constant", "cosine"], rows.Select(r => r["learning_rate.schedule"]).Distinct().Order(StringComparer.Ordinal));

        await using var store = await StudyStore.OpenForReadingAsync(new SqliteStoreLocation(run.StorePath));
        var stored = await store.ReadTrialsAsync(RunStoreFixture.SweepId);
        Assert.Equal(stored.Select(t => t.BestMetric), rows.Select(r => (double?)double.Parse(r["best_metric"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task History_has_one_row_per_trial_and_epoch_without_duplicates()
    {
        var (exit, csv, console) = await TrialsAsync(RunTableFormat.Csv, history: true);

        Assert.True(exit == 0, console);
        var records = CsvRecords.Parse(csv);
        Assert.Equal(["trial", "epoch", "step", "train_loss", "train_metric", "val_loss", "val_metric", "val_r2", "learning_rate", "weight_decay", "batch_size"],
            records[0]);
        var keys = records.Skip(1).Select(r => (Trial: int.Parse(r[0], CultureInfo.InvariantCulture), Epoch: int.Parse(r[1], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(RunStoreFixture.Trials * RunStoreFixture.Epochs, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, RunStoreFixture.Trials).SelectMany(t => Enumerable.Range(1, RunStoreFixture.Epochs).Select(e => (t, e))),
            keys.Select(k => (k.Trial, k.Epoch)));
        Assert.All(records.Skip(1), r =>
        {
            Assert.True(double.Parse(r[3], CultureInfo.InvariantCulture) > 0);
            Assert.True(double.Parse(r[8], CultureInfo.InvariantCulture) > 0);
            Assert.Contains(r[10], new[] { "16", "32" });
        });
    }

    [Fact]
    public async Task Json_is_an_array_of_objects_with_typed_values()
    {
        var (exit, json, console) = await TrialsAsync(RunTableFormat.Json);

        Assert.True(exit == 0, console);
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(RunStoreFixture.Trials, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(JsonValueKind.Number, row.GetProperty("trial").ValueKind);
            Assert.Equal(JsonValueKind.String, row.GetProperty("status").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("learning_rate.initial").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("batch_size.initial").ValueKind);
            Assert.Equal(JsonValueKind.String, row.GetProperty("model.hidden").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("best_metric").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("pbt_donor").ValueKind);
        });

        var (historyExit, historyJson, _) = await TrialsAsync(RunTableFormat.Json, history: true);
        Assert.Equal(0, historyExit);
        using var history = JsonDocument.Parse(historyJson);
        Assert.Equal(RunStoreFixture.Trials * RunStoreFixture.Epochs, history.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task The_table_shows_every_trial_and_names_the_columns_that_do_not_vary()
    {
        var (exit, stdout, console) = await TrialsAsync(RunTableFormat.Table);

        Assert.True(exit == 0, console);
        Assert.Equal("", stdout);
        foreach (var text in new[] { "trial", "learning", ".schedule", "best", "_metric", "in every row: ", "status=completed", "empty: " })
            Assert.Contains(text, console);
        var bodyRows = console.Split('\n').Where(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*\d+\s+\d+\s+\d+\s+(constant|cosine)\s"));
        Assert.Equal(RunStoreFixture.Trials, bodyRows.Count());
    }

    [Fact]
    public async Task Reading_leaves_the_store_file_as_it_was()
    {
        var before = await File.ReadAllBytesAsync(run.StorePath);

        var (exit, _, console) = await TrialsAsync(RunTableFormat.Csv, history: true);

        Assert.True(exit == 0, console);
        Assert.Equal(before, await File.ReadAllBytesAsync(run.StorePath));
    }
}
