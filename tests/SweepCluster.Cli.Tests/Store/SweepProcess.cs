// `sweep` as a separate process that the test can kill (SIGKILL) midway, and reads of its SQLite store made through
// a connection of the test's own, as sqlite3 would.
using System.Diagnostics;
using SweepCluster.Store;
using SweepCluster.Store.Study;

namespace SweepCluster.Cli.Tests.Store;

public sealed class SweepProcess : IDisposable
{
    private readonly Process _process;

    private SweepProcess(Process process) => _process = process;

    private const string QuickstartEpochs = "epochs: 20";
    private const string LongerEpochs = "epochs: 100";

    /// <summary>
    /// The quickstart with five times its epochs, written into <paramref name="folder"/>: its 24 trials of 20 epochs
    /// take about a second in all with one slot, so a kill after the first completed rows could land after the last;
    /// with longer trials (about 4 s in all) it lands midway. Its name is still quickstart.
    /// </summary>
    public static string LongerQuickstart(string folder)
    {
        var path = Path.Combine(folder, "quickstart.yaml");
        if (File.Exists(path)) return path;
        var text = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "examples", "quickstart.yaml"));
        if (!text.Contains(QuickstartEpochs, StringComparison.Ordinal)) throw new InvalidOperationException($"examples/quickstart.yaml has no '{QuickstartEpochs}' line");
        File.WriteAllText(path, text.Replace(QuickstartEpochs, LongerEpochs, StringComparison.Ordinal));
        return path;
    }

    /// <summary>Starts the built CLI with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static SweepProcess Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sweep.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SweepProcess(process);
    }

    /// <summary>Whether the process has not exited yet.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>SIGKILL: the process ends at once, with no chance to write or unlock anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    /// <summary>Reads the store at <paramref name="path"/> until the sweep has at least <paramref name="count"/> trials in <paramref name="status"/>.</summary>
    public static async Task WaitForTrialsAsync(string path, string sweepId, Core.TrialStatus status, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path))
            {
                try
                {
                    var (trials, _) = await ReadRowsAsync(path, sweepId);
                    if (trials.Count(t => t.Status == status) >= count) return;
                }
                catch (StoreException)
                {
                    // not created yet, or being migrated by the process
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{sweepId} did not reach {count} {status} trials in {path} within {timeout}");
    }

    /// <summary>The sweep's trial and epoch rows.</summary>
    public static async Task<(IReadOnlyList<TrialRow> Trials, IReadOnlyList<EpochRow> Epochs)> ReadRowsAsync(string path, string sweepId)
    {
        await using var store = await StudyStore.OpenAsync(new SqliteStoreLocation(path));
        return (await store.ReadTrialsAsync(sweepId), await store.ReadEpochsAsync(sweepId));
    }
}
