// The one place a SweepCluster silo host is built: by the silo program, the CLI's embedded silo (`sweep run`), the
// tests and the benchmarks. A web host (ASP.NET Core: the Orleans dashboard and the sweep pages) when the options turn
// HTTP on, else a plain generic host; the Orleans silo inside is configured the same way in both, with mutual TLS on
// its connections when ClusterTlsRequirement asks for it (beyond loopback, or certificates given). It builds the host;
// starting it (and reporting a web port taken meanwhile) is the caller's.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using SweepCluster.Hosting.Security;
using SweepCluster.Hosting.Storage;
using SweepCluster.Web.Hosting;

namespace SweepCluster.Hosting;

/// <summary>How a process hosts its silo, beyond the silo's own options.</summary>
public sealed record SweepHostSettings
{
    /// <summary>
    /// The silo program's command line: the host reads its configuration (appsettings.json beside the program,
    /// environment variables, these flags) and logs as configured there, and the silo feeds the Orleans dashboard even
    /// without a web host of its own (any silo's dashboard shows the whole cluster). Null: a silo embedded in another
    /// program, with no configuration, no logging, and the dashboard only when it serves it.
    /// </summary>
    public string[]? ProgramArgs { get; init; }

    /// <summary>Localhost clustering: grain storage shared by every silo of this process (as in-process test clusters
    /// share it, standing in for Redis), and study tables in its in-memory database: the store is memory whatever
    /// <see cref="SweepSiloOptions.Store"/> says. Null: the silo's own store, as the options ask.</summary>
    public ProcessGrainStore? Store { get; init; }

    /// <summary>Localhost clustering: the first silo's endpoint, for every other silo on this machine; null for the first.</summary>
    public IPEndPoint? PrimarySilo { get; init; }

    /// <summary>Reads environment variables (the web host's password); the process environment when null.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>More silo configuration, applied after SweepCluster's own (tests: a faster coordinator tick).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; init; }
}

public static class SweepSiloHost
{
    /// <summary>
    /// The options of the silo program: section <see cref="SweepSiloOptions.Section"/> of appsettings.json beside the
    /// program, then <c>SweepCluster__*</c> environment variables, then the flags of <paramref name="args"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown flag, or a value of the wrong type; the message names the flag.</exception>
    public static SweepSiloOptions ReadOptions(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CommandLineSecrets.RefuseRedisPassword(args);
        SiloFlags.RefuseUnknown(args);
        using var configuration = Host.CreateApplicationBuilder(ProgramSettings(args)).Configuration;
        configuration.AddCommandLine(args, SweepSiloOptions.SwitchMappings);
        return SweepSiloOptionsBinding.Bind(configuration);
    }

    /// <summary>Builds (does not start) the host of one silo as <paramref name="options"/> and <paramref name="settings"/> ask.
    /// Its store (<see cref="SiloStore"/> among its services) opens when the host starts; open it first
    /// (<see cref="OpenStoreAsync"/>) to report a bad store before anything starts.</summary>
    /// <exception cref="ArgumentException">An invalid setting, a web port that cannot be listened on, or cluster TLS
    /// certificates that are required and missing or cannot be used; the message names the flag.</exception>
    public static IHost Build(SweepSiloOptions options, SweepHostSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings ??= new SweepHostSettings();
        options.Validate();
        var tls = ClusterTlsRequirement.ForSilo(options); // before anything listens: a silo beyond loopback without certificates stops here
        if (!options.HttpEnabled)
        {
            _ = WebCredentials.From(options.Web, settings.Environment); // --http-user without its password is refused, web host or not
            var builder = Host.CreateApplicationBuilder(settings.ProgramArgs is { } args
                ? ProgramSettings(args)
                : new HostApplicationBuilderSettings { DisableDefaults = true });
            ConfigureSilo(builder, options, settings, tls, dashboard: settings.ProgramArgs is not null);
            return builder.Build();
        }
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings.ProgramArgs, ContentRootPath = AppContext.BaseDirectory });
        web.AddSweepClusterWeb(options.Web, settings.Environment);
        ConfigureSilo(web, options, settings, tls, dashboard: true);
        var app = web.Build();
        app.MapSweepClusterWeb();
        return app;
    }

    /// <summary>The one line for a web host that could not start listening (its port was taken after the check); null
    /// for any other failure.</summary>
    public static string? DescribeStartFailure(Exception error, SweepSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HttpEnabled ? HttpStartFailure.Describe(error, options.Web) : null;
    }

    /// <summary>Opens the host's store (a SQLite file's lock, the schema): a bad store throws here, before the silo starts.</summary>
    /// <exception cref="SweepCluster.Store.StoreException">The store cannot be used; its message is one line naming it and the remedy.</exception>
    public static Task OpenStoreAsync(IHost host, CancellationToken cancellation = default) =>
        host.Services.GetRequiredService<SiloStore>().OpenAsync(cancellation);

    /// <summary>The store <paramref name="options"/> and <paramref name="settings"/> ask for.</summary>
    /// <exception cref="ArgumentException">A store setting that cannot be used; the message names the flag.</exception>
    public static StoreSelection SelectStore(SweepSiloOptions options, SweepHostSettings settings)
    {
        if (settings.Store is { } shared) return new StoreSelection(StoreKind.Memory, new SweepCluster.Store.SqliteMemoryStoreLocation(shared.StudyDatabaseName));
        return StoreSelection.From(options, settings.Environment ?? System.Environment.GetEnvironmentVariable,
            $"sweepcluster-{System.Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    private static HostApplicationBuilderSettings ProgramSettings(string[] args) =>
        new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    private static void ConfigureSilo(IHostApplicationBuilder builder, SweepSiloOptions options, SweepHostSettings settings, ClusterCertificates? tls,
        bool dashboard)
    {
        if (settings.ProgramArgs is { } args) builder.Configuration.AddCommandLine(args, SweepSiloOptions.SwitchMappings);
        else
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>(); // the program handles Ctrl+C and SIGTERM
        }
        var store = SelectStore(options, settings);
        builder.Services.AddSweepClusterStore(store, options.ResumeRunningSweeps); // before Orleans: the store opens first and closes last
        builder.UseOrleans(silo =>
        {
            silo.UseSweepCluster(options, store, settings.Store, settings.PrimarySilo).UseSweepClusterKubernetes(options);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, ProcessClock.Instance); // no false watchdog stall at start
            if (tls is not null)
            {
                silo.UseSweepClusterTls(tls);
                builder.Services.AddSingleton(tls); // what the silo program reports at start
            }
            if (dashboard) silo.AddSweepClusterDashboard();
            settings.ConfigureSilo?.Invoke(silo);
        });
    }
}
