// `sweep run` in a real pseudo-terminal (util-linux `script`) of 80 and 60 columns: the live progress line keeps its
// bar and elapsed time on one row, and nothing the run prints is wider than the terminal (the terminal would wrap it,
// a character per row in the worst case).
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SweepCluster.Cli.Tests;

public sealed partial class ProgressPtyTests
{
    private const string Script = "/usr/bin/script";

    /// <summary>A sweep of 8 short trials on digits: a few seconds.</summary>
    private const string TinySpec = """
        name: tiny
        search: { strategy: grid }
        metric: { name: val_accuracy, goal: maximize }
        seeds: [1, 2]
        dataset: digits
        validation: 0.2
        model: { hidden: [16], activation: relu, init: he }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.05, 0.1]
        weight_decay: [0, 1e-4]
        batch_size: [32]
        epochs: 3
        """;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void TheProgressLineAndTheReportFitTheTerminal(int columns)
    {
        Assert.True(File.Exists(Script), $"{Script} (util-linux) runs the CLI in a pseudo-terminal; install util-linux");
        using var folder = new TempDirectory();
        var spec = folder.File("tiny.yaml", TinySpec);
        var sweep = Path.Combine(AppContext.BaseDirectory, "sweep.dll");

        var rows = VisibleRows(RunInTerminal(folder.Path, columns, $"dotnet '{sweep}' run '{spec}' -o out --slots 1"));

        var progress = rows.Where(r => r.Contains(" done", StringComparison.Ordinal) && r.Contains("elapsed ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(progress);
        Assert.All(progress, row => Assert.StartsWith("━", row)); // the bar is still there
        Assert.Contains(progress, row => row.Contains("8/8 done", StringComparison.Ordinal) && row.Contains("completed", StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(row.Length <= columns, $"{row.Length} columns: {row}"));
        Assert.DoesNotContain(rows, row => row.Trim().Length == 1 && char.IsDigit(row.Trim()[0])); // no time wrapped a digit per row
    }

    /// <summary>What <paramref name="command"/> wrote to a pseudo-terminal <paramref name="columns"/> wide.</summary>
    private static string RunInTerminal(string workingDirectory, int columns, string command)
    {
        var start = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { "-qec", $"stty cols {columns} rows 50; {command}", "/dev/null" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(RunTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"sweep run did not end within {RunTimeout}");
        }
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output.Result}{error.Result}");
        return output.Result;
    }

    /// <summary>The rows the terminal shows: escape sequences removed, split at every line end and carriage return.</summary>
    private static string[] VisibleRows(string typescript) =>
        LineBreak().Split(EscapeSequence().Replace(typescript, "")).Select(row => row.TrimEnd()).ToArray();

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[=>]")]
    private static partial Regex EscapeSequence();

    [GeneratedRegex(@"\r\n|\n|\r")]
    private static partial Regex LineBreak();
}
