// One python3 process per test class that evaluates batches of schedule cases with the sweepcluster package
// (Scripts/schedule_driver.py): a JSON array of cases per line in, a JSON array of results per line out.
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace SweepCluster.PythonClient.Tests.Support;

public sealed class ScheduleDriver : IDisposable
{
    private readonly Process _process = Python.Start(Python.Script("schedule_driver.py"), [], trialFile: null);
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public ScheduleDriver()
    {
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
    }

    /// <summary>Sends <paramref name="cases"/> in one line and returns one result per case, in order.</summary>
    public async Task<JsonArray> EvaluateAsync(JsonArray cases)
    {
        await _turn.WaitAsync();
        try
        {
            await _process.StandardInput.WriteAsync(cases.ToJsonString() + "\n");
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(ScriptProcess.Bound);
            if (line is null)
            {
                string errors;
                lock (_stderr) errors = _stderr.ToString();
                throw new Xunit.Sdk.XunitException($"the schedule driver ended; stderr:\n{errors}");
            }
            var results = JsonNode.Parse(line)!.AsArray();
            Assert.Equal(cases.Count, results.Count);
            return results;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(ScriptProcess.Bound)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _turn.Dispose();
    }
}
