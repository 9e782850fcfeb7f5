// The Python package's Client (clients/python/sweepcluster/client.py) against a real silo's web host: a script submits
// an iris spec file, waits for it, prints its trials (and with pandas, the DataFrame's shape) and the errors of a bad
// spec, an unknown sweep and an unreachable silo; the test reads its JSON lines. A silo with --http-user answers the
// client only with its user and password. /usr/bin/python3 when it exists, else
// python3 on PATH; pandas is required of /usr/bin/python3 (.ci/install-deps installs python3-pandas).
using System.Diagnostics;
using System.Text.Json;

namespace SweepCluster.Web.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class PythonClientTests(ApiSilo silo) : IDisposable
{
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-pyclient-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AScriptSubmitsWaitsAndReadsTheTrialsAndTheirDataFrame()
    {
        var spec = Path.Combine(_folder, "iris.yaml");
        await File.WriteAllTextAsync(spec, ApiSilo.IrisSpec);

        var lines = await RunAsync(silo.Silo.BaseUrl.ToString(), spec, "py-iris", "--pandas");

        Assert.Equal("py-iris", lines["submitted"].GetProperty("id").GetString());
        Assert.Equal(("completed", true), (lines["status"].GetProperty("status").GetString(), lines["status"].GetProperty("over").GetBoolean()));
        var trials = lines["trials"].GetProperty("trials").EnumerateArray().ToArray();
        Assert.Equal([0, 1], trials.Select(t => t.GetProperty("trial").GetInt32()));
        Assert.All(trials, t =>
        {
            Assert.Equal("completed", t.GetProperty("status").GetString());
            Assert.Equal(2, t.GetProperty("epochs_run").GetInt32());
            Assert.Equal(0.05, t.GetProperty("learning_rate.initial").GetDouble());
        });

        var frame = lines["dataframe"];
        Assert.Equal(2, frame.GetProperty("rows").GetInt32());
        var columns = frame.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToArray();
        Assert.Equal(trials[0].EnumerateObject().Select(p => p.Name), columns);
        Assert.Contains("learning_rate.initial", columns);
        Assert.Equal(["completed"], frame.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("float64", frame.GetProperty("final_metric_dtype").GetString());
        Assert.InRange(frame.GetProperty("mean_final_metric").GetDouble(), 0, 1);

        var bad = lines["bad_spec"];
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Contains(bad.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "epochs" && e.GetProperty("line").GetInt32() == 2);
        Assert.Contains("line 2: epochs:", bad.GetProperty("text").GetString());
        Assert.Equal(404, lines["unknown"].GetProperty("status").GetInt32());
        Assert.Contains("no sweep with id 'no-such-sweep'", lines["unknown"].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, lines["unreachable"].GetProperty("status").ValueKind);
        Assert.Contains("cannot reach the silo at http://127.0.0.1:9", lines["unreachable"].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ASecuredSiloAnswersTheClientWithItsUserOnly()
    {
        var secured = new SecuredSilo();
        await secured.InitializeAsync();
        try
        {
            const string probe = """
                import json, sys, sweepcluster as sc
                for client in (sc.Client(sys.argv[1]), sc.Client(sys.argv[1], user=sys.argv[2], password=sys.argv[3])):
                    try:
                        client.status("no-such-sweep")
                    except sc.SweepClusterError as e:
                        print(json.dumps({"kind": str(e.status), "text": str(e)}))
                """;
            var lines = await RunAsync(["-c", probe, secured.Silo.BaseUrl.ToString(), SecuredSilo.User, SecuredSilo.Password], script: null);

            Assert.Contains("needs its user and password", lines["401"].GetProperty("text").GetString());
            Assert.Contains("no sweep with id 'no-such-sweep'", lines["404"].GetProperty("text").GetString());
        }
        finally
        {
            await secured.DisposeAsync();
        }
    }

    private static Task<Dictionary<string, JsonElement>> RunAsync(params string[] arguments) =>
        RunAsync(arguments, Path.Combine(AppContext.BaseDirectory, "Scripts", "client_sweep.py"));

    /// <summary>Runs a Python script and returns its JSON lines by kind; fails with its stderr when it fails.</summary>
    /// <param name="script">The script's path; null when <paramref name="arguments"/> start with -c.</param>
    private static async Task<Dictionary<string, JsonElement>> RunAsync(string[] arguments, string? script)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (script is not null) start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PYTHONPATH"] = Path.Combine(RepositoryRoot(), "clients", "python");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // no __pycache__ in the source tree
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(ApiSilo.Patience + TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script ?? "python3 -c"} did not end; stderr: {await error}");
        }
        Assert.True(process.ExitCode == 0, $"{script ?? "python3 -c"} exited {process.ExitCode}: {await error}\n{await output}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToDictionary(json => json.GetProperty("kind").GetString()!);
    }

    /// <summary>The first folder above the test binaries holding SweepCluster.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no SweepCluster.sln above {AppContext.BaseDirectory}");
    }
}
