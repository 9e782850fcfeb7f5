// `sweep compare A B` against a running cluster (a silo with a gateway in this test process; the CLI as a separate
// process): two real sweeps of different learning rates side by side in every format, and the refusals (one sweep,
// a sweep named twice, an unknown sweep) as one line with exit code 2.
using System.Text.Json;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Tests.BadInput;

namespace SweepCluster.Cli.Tests.Runs;

public sealed class CompareCommandTests(GatewaySilo silo) : IClassFixture<GatewaySilo>, IAsyncLifetime
{
    private static string Spec(double learningRate) => $"""
        name: lr-{learningRate}
        dataset: iris
        model: {"{"} hidden: [8] {"}"}
        learning_rate: {learningRate}
        batch_size: 16
        seeds: [1, 2]
        epochs: 4
        """;

    /// <summary>Each test's instance finds the two sweeps submitted (and finished) by the first one on the shared silo.</summary>
    public async Task InitializeAsync()
    {
        foreach (var (id, rate) in new[] { ("compare-slow", 0.001), ("compare-fast", 0.1) })
        {
            var submitted = await silo.Grains.GetGrain<ISweepCoordinatorGrain>(id)
                .SubmitAsync(new SweepSubmission(Spec(rate), $"{id}.yaml", null, IsJson: false, AllowLarge: false));
            Assert.True(submitted.Outcome is SubmitOutcome.Created or SubmitOutcome.AlreadyExists, string.Join("\n", submitted.Errors));
            var (exit, text) = CliRunner.Process(["watch", id, .. silo.Flags]);
            Assert.True(exit == 0, $"exit {exit}:\n{text}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_table_puts_the_sweeps_side_by_side_with_the_leader_and_one_plot_of_both_curves()
    {
        var (exit, text) = CliRunner.Process(["compare", "compare-slow", "compare-fast", .. silo.Flags]);

        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Contains("compare-slow", text);
        Assert.Contains("versus the leader", text);
        Assert.Contains("compare-fast leads", text);
        Assert.Contains("val_accuracy per epoch of each sweep's top combination's best seed:", text);
        Assert.Contains("● compare-slow", text);
        Assert.Contains("■ compare-fast", text);
    }

    [Fact]
    public void Json_markdown_and_html_say_the_same()
    {
        var (exit, json) = CliRunner.Process(["compare", "compare-slow", "compare-fast", "--format", "json", .. silo.Flags]);
        Assert.True(exit == 0, $"exit {exit}:\n{json}");
        using var document = JsonDocument.Parse(json);
        Assert.Equal("compare-fast", document.RootElement.GetProperty("leader").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("sweeps").GetArrayLength());

        var (mdExit, markdown) = CliRunner.Process(["compare", "compare-slow", "compare-fast", "-f", "md", .. silo.Flags]);
        Assert.True(mdExit == 0, $"exit {mdExit}:\n{markdown}");
        Assert.Contains("| **versus the leader** |", markdown);
        Assert.Contains("| 4 |", markdown);

        var page = Path.Combine(Path.GetTempPath(), $"compare-{Guid.NewGuid():N}.html");
        try
        {
            var (htmlExit, htmlText) = CliRunner.Process(["compare", "compare-slow", "compare-fast", "-f", "html", "-o", page, .. silo.Flags]);
            Assert.True(htmlExit == 0, $"exit {htmlExit}:\n{htmlText}");
            var html = File.ReadAllText(page);
            Assert.Contains("data-chart=\"chart-compare\"", html);
            Assert.Contains("compare-fast leads", html);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Theory]
    [InlineData("compare-slow", null, "IDS")]
    [InlineData("compare-slow", "compare-slow", "named twice")]
    [InlineData("compare-slow", "no-such-sweep", "no sweep with id 'no-such-sweep'")]
    public void A_bad_list_of_sweeps_is_one_line_and_exit_code_2(string first, string? second, string said)
    {
        string[] ids = second is null ? [first] : [first, second];
        var (exit, text) = CliRunner.Process(["compare", .. ids, .. silo.Flags]);

        Assert.True(exit == 2, $"exit {exit}:\n{text}");
        Assert.Contains(said, text);
        Assert.DoesNotContain("   at ", text);
    }
}
