// Runs one of bench/pytorch's scripts as a subprocess, single-threaded, and parses the JSON line it prints.
using System.Diagnostics;
using System.Text.Json;

namespace SweepCluster.Bench;

public static class TorchProcess
{
    /// <summary>Debian's python3 (python3-torch is installed for it; a pyenv python3 on PATH may not have torch).</summary>
    public const string PythonPath = "/usr/bin/python3";

    private const int TimeoutMilliseconds = 300_000;

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; null and a reason when torch is unavailable.</summary>
    public static (JsonElement? Result, string Note) Run(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(PythonPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!File.Exists(PythonPath) || !File.Exists(script)) return (null, $"torch: not run ({PythonPath} or {script} missing)");
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["MKL_NUM_THREADS"] = "1";
        // This machine pins OpenBLAS to an older kernel through these; they slow a current torch, so the anchor runs without them.
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeoutMilliseconds))
            {
                process.Kill();
                return (null, "torch: timed out");
            }
            if (process.ExitCode != 0)
                return (null, $"torch: {PythonPath} exited with {process.ExitCode}: {stderr.Result.Trim().Split('\n').LastOrDefault()} (apt-get install python3-torch)");
            var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
            return (JsonDocument.Parse(line).RootElement.Clone(), "");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, $"torch: could not run {PythonPath} ({e.Message}); apt-get install python3-torch");
        }
    }

    /// <summary>The repository root: the nearest ancestor of the working directory holding SweepCluster.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmark from inside the SweepCluster repository");
    }
}
