// The silo program itself, as an operator starts it: beyond loopback without certificates it refuses to start with
// exit code 2 and one line naming what is missing, how to make certificates and the explicit way out; before it
// contacts anything (the Redis address here has no server).
using System.Diagnostics;
using SweepCluster.Testing.MultiHost;

namespace SweepCluster.Cluster.Tests.Tls;

public sealed class SiloTlsRefusalTests
{
    /// <summary>A bound on the program's run, so that a silo that starts instead of refusing fails the test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private const int InvalidInput = 2;

    [Fact]
    public async Task ASiloOnANonLoopbackAddressWithoutCertificatesRefusesToStartWithExitCode2AndTheMessage()
    {
        var (exitCode, output, error) = await RunSiloAsync("--clustering", "redis", "--redis", "127.0.0.1:9", "--advertise", "127.0.0.2",
            "--http-port", "0", "--store", "memory");

        Assert.Equal(InvalidInput, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: this silo listens beyond loopback (--clustering redis) and needs cluster TLS certificates", line);
        Assert.Contains("--tls-cert", line);
        Assert.Contains("`sweep certs DIR HOST...`", line);
        Assert.Contains("--cluster-tls off", line);
    }

    [Fact]
    public async Task AnUnknownTlsModeIsRefusedNamingTheFlag()
    {
        var (exitCode, _, error) = await RunSiloAsync("--cluster-tls", "maybe", "--http-port", "0", "--store", "memory");

        Assert.Equal(InvalidInput, exitCode);
        Assert.Equal("error: --cluster-tls must be one of auto, on, off, got 'maybe'", error.Trim());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSiloAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BuildOutput.SiloAssembly());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var variable in new[] { "SweepCluster__Tls__Certificate", "SweepCluster__Tls__Key", "SweepCluster__Tls__Ca", "SweepCluster__Tls__Mode" })
            start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the silo did not refuse to start within {Patience}: {await output}");
        }
        return (process.ExitCode, await output, await error);
    }
}
