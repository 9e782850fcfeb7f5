// A SweepCluster silo: `dotnet run --project silo -- [--slots N] [--silo-port P] [--gateway-port P]`; several machines
// add `--clustering redis --redis HOST:PORT [--advertise IP]` (README.md, "Several machines").
// Settings come from appsettings.json, then SweepCluster__* environment variables, then the flags (SweepSiloOptions).
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SweepCluster.Grains.Hosting;
using SweepCluster.Silo;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, SweepSiloOptions.SwitchMappings);
SweepSiloOptions options;
try
{
    options = SweepSiloOptionsBinding.Bind(builder.Configuration);
    options.Validate();
    await ClusterPreflight.CheckSiloAsync(options, CancellationToken.None); // Redis reachable, cluster id matches
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

builder.UseOrleans(silo => silo.UseSweepCluster(options).UseSweepClusterKubernetes(options));
using var host = builder.Build();
Console.WriteLine($"SweepCluster silo: {options.EffectiveSlots} training slots, silo port {options.SiloPort}, gateway port {options.GatewayPort}, cluster '{options.ClusterId}', {options.Clustering.ToString().ToLowerInvariant()} clustering. Ctrl+C stops it.");
await host.RunAsync();
return 0;
