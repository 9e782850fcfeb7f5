// A SweepCluster silo: `dotnet run --project silo -- [--slots N] [--silo-port P] [--gateway-port P] [--http-port P]`;
// several machines add `--clustering postgres [--advertise IP]`, the connection string in SWEEPCLUSTER_STORE_CONNECTION
// or --store-connection-file (or `--clustering redis --redis HOST:PORT`; docs/several-machines.md).
// Settings come from appsettings.json, then SweepCluster__* environment variables, then the flags (SweepSiloOptions).
// The silo is also a web host: the Orleans dashboard and the sweep pages on --http-bind:--http-port (see docs/monitoring.md).
// Grain state and the study tables live in the store: --store PATH (default ./sweeps/sweepcluster.db), memory or postgres.
// Beyond loopback, silo and gateway connections are mutual TLS with --tls-cert, --tls-key and --tls-ca (docs/security.md):
// a silo without them refuses to start (exit code 2) unless --cluster-tls off says so. With localhost clustering, a silo
// whose silo or gateway port is already served on this machine refuses to start (exit code 2; LocalPortsInUse).
// The host itself is built by SweepSiloHost, as every other silo's is.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Security;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

SweepSiloOptions options;
IHost host;
try
{
    options = SweepSiloHost.ReadOptions(args);
    host = SweepSiloHost.Build(options, new SweepHostSettings { ProgramArgs = args });
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}

using (host)
{
    try
    {
        await SweepSiloHost.OpenStoreAsync(host); // a bad store stops the silo here, before anything starts
        // Localhost clustering: no silo on this machine serves these ports yet (this one would be a second, separate
        // cluster). After the store: a second silo on the same store is refused by its lock, with that message.
        if (await LocalPortsInUse.RefusalAsync(options, CancellationToken.None) is { } refusal)
        {
            Console.Error.WriteLine($"error: {refusal}");
            return 2;
        }
        // The membership store answers and no other live cluster shares this one's grain state.
        await ClusterPreflight.CheckSiloAsync(options, host.Services.GetRequiredService<SiloStore>().Selection, CancellationToken.None);
    }
    catch (ArgumentException error)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return 2;
    }
    catch (ClusterStartupException error)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return 1;
    }
    catch (StoreException error)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return error.Kind == StoreErrorKind.Unreachable ? 1 : 2;
    }

    Console.WriteLine($"SweepCluster silo: {options.EffectiveSlots} training slot{(options.EffectiveSlots == 1 ? "" : "s")}, silo port {options.SiloPort}, gateway port {options.GatewayPort}, cluster '{options.ClusterId}', {options.Clustering.ToString().ToLowerInvariant()} clustering. Ctrl+C stops it.");
    Console.WriteLine($"Store: {host.Services.GetRequiredService<SiloStore>().Store.Name}");
    var insecure = ClusterTlsRequirement.InsecureWarning(options);
    Console.WriteLine(host.Services.GetService<ClusterCertificates>() is { } tls ? $"Cluster TLS: on, mutual, as {tls.Describe()}"
        : insecure is null ? "Cluster TLS: off (this silo listens on loopback only)"
        : $"Cluster TLS: off ({ClusterTlsSettings.ModeFlag} off)");
    if (insecure is not null) Console.Error.WriteLine($"warning: {insecure}");
    Console.WriteLine(options.HttpEnabled
        ? $"Web: {options.Web.Scheme}://{options.HttpBind}:{options.HttpPort}/sweeps and /dashboard{(string.IsNullOrEmpty(options.HttpUser) ? "" : $" (basic auth, user '{options.HttpUser}')")}"
        : "Web: off (--http-port 0)");
    try
    {
        await host.RunAsync();
    }
    catch (Exception error) when (SweepSiloHost.DescribeStartFailure(error, options) is { } message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
return 0;
