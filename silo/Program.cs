// A SweepCluster silo: `dotnet run --project silo -- [--slots N] [--silo-port P] [--gateway-port P]`.
// Settings come from appsettings.json, then SweepCluster__* environment variables, then the flags (SweepSiloOptions).
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SweepCluster.Grains.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, SweepSiloOptions.SwitchMappings);
var options = builder.Configuration.GetSection(SweepSiloOptions.Section).Get<SweepSiloOptions>() ?? new SweepSiloOptions();
try
{
    options.Validate();
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}

builder.UseOrleans(silo => silo.UseSweepClusterLocalhost(options));
using var host = builder.Build();
Console.WriteLine($"SweepCluster silo: {options.EffectiveSlots} training slots, silo port {options.SiloPort}, gateway port {options.GatewayPort}, cluster '{options.ClusterId}'. Ctrl+C stops it.");
await host.RunAsync();
return 0;
