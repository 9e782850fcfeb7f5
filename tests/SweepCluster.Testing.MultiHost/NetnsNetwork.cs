// The network of deploy/netns/sc-netns.sh: a database host and silo hosts, each in its own network namespace with its own
// address in 198.18.0.0/24, and the root namespace (this process) on the same bridge. Disposing it tears it down.
using System.Diagnostics;

namespace SweepCluster.Testing.MultiHost;

public sealed class NetnsNetwork : IDisposable
{
    /// <summary>The host of the cluster's database (PostgreSQL).</summary>
    public const string DatabaseHost = "db";

    /// <summary>A bound on every call of the script (it only runs `ip`).</summary>
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private NetnsNetwork(string script, int silos)
    {
        Script = script;
        Silos = silos;
    }

    public string Script { get; }
    public int Silos { get; }

    /// <summary>The silo hosts' names: silo1, silo2, ...</summary>
    public IEnumerable<string> SiloHosts => Enumerable.Range(1, Silos).Select(SiloHost);

    public static string SiloHost(int number) => $"silo{number}";

    /// <summary>Builds the network (removing any leftovers of an earlier run first).</summary>
    /// <exception cref="InvalidOperationException">Not root, no iproute2, or a step failed; the message has the script's output.</exception>
    public static NetnsNetwork Up(string repositoryRoot, int silos)
    {
        var script = Path.Combine(repositoryRoot, "deploy", "netns", "sc-netns.sh");
        var network = new NetnsNetwork(script, silos);
        network.Run("up", $"{silos}");
        return network;
    }

    /// <summary>The address of a host (root, db, silo1, ...).</summary>
    public string Address(string host) => Run("addr", host).Trim();

    /// <summary>A command that runs <paramref name="command"/> inside <paramref name="host"/>'s namespace.</summary>
    public IReadOnlyList<string> Inside(string host, IReadOnlyList<string> command) => ["bash", Script, "exec", host, .. command];

    /// <summary>Starts a process on <paramref name="host"/>.</summary>
    public HostProcess Start(string host, IReadOnlyDictionary<string, string> environment, string command, params string[] arguments) =>
        HostProcess.Start(Script, host, environment, command, arguments);

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Script} {string.Join(' ', arguments)} did not finish in {ScriptTimeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        return output.Result;
    }

    public void Dispose() => Run("down");
}
