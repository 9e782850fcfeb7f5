// Connects a client (the CLI, the multi-host test, the scaling benchmark) to a running cluster as an Orleans client.
// Connecting retries with exponential backoff and jitter until the connect deadline (ClientTimeouts); between attempts
// it probes the gateways, so that nothing listening is given up on after a few attempts while a slow cluster is waited
// for, and the error on giving up says which it was (ConnectFailureMessage). Every call the CLI then makes is short:
// it polls, it never holds a call open for a trial's length, and it retries calls that meet a failover (CallRetry).
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;
using SweepCluster.Abstractions;
using SweepCluster.Hosting.Security;

namespace SweepCluster.Hosting;

/// <summary>A connected cluster client; disposing it disconnects.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>How often the client re-reads the gateway list (Orleans' default, a minute, outlives a failover).</summary>
    private static readonly TimeSpan GatewayListRefresh = TimeSpan.FromSeconds(5);

    private readonly IHost _host;

    private ClusterConnection(IHost host, CallRetry calls)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        Calls = calls;
    }

    public IGrainFactory Grains { get; }

    /// <summary>How this connection's commands retry calls that meet a failover.</summary>
    public CallRetry Calls { get; }

    /// <exception cref="ClusterUnavailableException">No silo answered at the target.</exception>
    public static Task<ClusterConnection> ConnectAsync(ClusterTarget target, CancellationToken cancellation) =>
        ConnectAsync(target, ClientTimeouts.Default, cancellation);

    /// <exception cref="ClusterUnavailableException">No silo answered at the target before the connect deadline, or
    /// every gateway refused a few attempts in a row; the message says what was tried and met.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterTarget target, ClientTimeouts timeouts, CancellationToken cancellation)
    {
        try
        {
            await ClientClustering.CheckAsync(target, cancellation);
        }
        catch (ClusterStartupException error)
        {
            throw new ClusterUnavailableException(error.Message, error);
        }
        var clock = Stopwatch.StartNew();
        var attempts = new List<ConnectAttempt>();
        var verdict = ConnectVerdict.Retry;
        IHost? host = null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>(); // the CLI handles Ctrl+C and SIGTERM
        builder.UseOrleansClient(client =>
        {
            if (target.Tls is { } tls) client.UseSweepClusterTls(tls);
            client.UseClustering(target)
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = timeouts.Call)
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefresh)
                .UseConnectionRetryFilter(async (error, token) =>
                {
                    var probes = await ProbeAsync(host!, token);
                    var failure = ConnectAttempt.Carry(ConnectAttempt.Classify(error), attempts.LastOrDefault());
                    attempts.Add(new ConnectAttempt(clock.Elapsed, ConnectAttempt.OneLine(error), probes, failure));
                    var delay = BackoffSchedule.Connect.Delay(attempts.Count, Random.Shared.NextDouble());
                    verdict = ConnectRule.Decide(attempts, clock.Elapsed + delay, timeouts.Connect);
                    if (verdict != ConnectVerdict.Retry) return false;
                    await Task.Delay(delay, token);
                    return true;
                });
        });
        host = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeouts.Connect);
        try
        {
            await host.StartAsync(deadline.Token);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            var lastProbes = attempts.Count > 0 && verdict != ConnectVerdict.Retry ? attempts[^1].Probes : await ProbeAsync(host, cancellation);
            if (verdict == ConnectVerdict.Retry) verdict = ConnectVerdict.DeadlinePassed; // an attempt hung until the deadline
            var tlsFinding = verdict == ConnectVerdict.WrongCluster ? await ExplainTlsAsync(lastProbes, target.Tls, cancellation) : null;
            var message = ConnectFailureMessage.Describe(target.Describe(), target.ClusterId, verdict, attempts, lastProbes, clock.Elapsed,
                timeouts.Connect, target.IsRemote, target.Tls is not null, tlsFinding);
            host.Dispose();
            throw new ClusterUnavailableException(message, error);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new ClusterConnection(host, new CallRetry(timeouts.Retry));
    }

    // A gateway that closed every handshake: is TLS the reason (Orleans' errors do not say)? The first listening one tells.
    private static async Task<string?> ExplainTlsAsync(IReadOnlyList<GatewayProbe> probes, ClusterCertificates? tls, CancellationToken cancellation)
    {
        var listening = probes.FirstOrDefault(p => p.Answer == GatewayAnswer.Listening);
        if (listening is null) return null;
        var colon = listening.Endpoint.LastIndexOf(':');
        return await GatewayTlsProbe.ExplainAsync(listening.Endpoint[..colon].Trim('[', ']'), int.Parse(listening.Endpoint[(colon + 1)..]), tls, cancellation);
    }

    private static async Task<IReadOnlyList<GatewayProbe>> ProbeAsync(IHost host, CancellationToken cancellation) =>
        await GatewayProber.ProbeAsync(await GatewayProber.ListAsync(host.Services.GetRequiredService<IGatewayListProvider>()), cancellation);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}

/// <summary>The cluster could not be reached; the message says what was tried and what to do.</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);
