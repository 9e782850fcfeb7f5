// A sweep command's way to its sweeps, opened by the rule of SweepAccessRule: a cluster connection, or a silo in this
// process over the store (it goes on with no other sweep; the command's own sweep goes on if it was running).
using System.CommandLine;
using System.Net;
using SweepCluster.Cli.Commands;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;

namespace SweepCluster.Cli.Cluster;

/// <summary>An open way to the sweeps; disposing it disconnects, or stops the silo of this process.</summary>
public sealed class SweepAccess : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private SweepAccess(IAsyncDisposable owner, IGrainFactory grains, CallRetry calls, SweepAccessKind kind, string? storeName)
    {
        _owner = owner;
        Grains = grains;
        Calls = calls;
        Kind = kind;
        StoreName = storeName;
    }

    public IGrainFactory Grains { get; }

    /// <summary>How the command retries a call that meets a failover (use it for every call that is safe to repeat).</summary>
    public CallRetry Calls { get; }

    public SweepAccessKind Kind { get; }

    /// <summary>With <see cref="SweepAccessKind.EmbeddedStore"/>: how messages name the store.</summary>
    public string? StoreName { get; }

    /// <summary>The cluster and store flags every sweep command takes.</summary>
    public static void AddOptions(Command command)
    {
        ClusterOptions.AddTo(command);
        StoreOptions.AddTo(command);
    }

    public static async Task<SweepAccess> OpenAsync(ParseResult parse, CancellationToken cancellation)
    {
        var timeouts = TimeoutOptions.From(parse); // malformed values are refused before anything is contacted
        var (kind, store, selection, storeExists) = await ChooseAsync(parse, cancellation);
        if (kind == SweepAccessKind.Cluster)
            return new SweepAccess(await ConnectAsync(ClusterOptions.From(parse), timeouts, selection, storeExists, cancellation), kind);
        var embedded = await store.StartEmbeddedAsync(0, cancellation, resumeRunningSweeps: false);
        return new SweepAccess(embedded, embedded.Grains, new CallRetry(timeouts.Retry), kind, embedded.StoreName);
    }

    /// <summary>The store a read-only command can read its sweep from in this process, with no silo: the one
    /// <see cref="OpenAsync"/> would start a silo on, unless it keeps nothing to read (<c>--store memory</c>); null
    /// when the command reaches a running cluster.</summary>
    public static async Task<StoreChoice?> StoreToReadAsync(ParseResult parse, CancellationToken cancellation)
    {
        TimeoutOptions.From(parse); // malformed values are refused as OpenAsync refuses them
        var (kind, store, selection, _) = await ChooseAsync(parse, cancellation);
        return kind == SweepAccessKind.EmbeddedStore && selection.Kind != StoreKind.Memory ? store : null;
    }

    private static async Task<(SweepAccessKind Kind, StoreChoice Store, StoreSelection Selection, bool StoreExists)> ChooseAsync(
        ParseResult parse, CancellationToken cancellation)
    {
        var store = StoreOptions.From(parse);
        if (!store.Explicit) store = store with { ConnectionFile = null }; // then the file is --postgres's
        var selection = store.Select();
        var storeExists = selection.Location is SweepCluster.Store.SqliteStoreLocation sqlite && File.Exists(sqlite.Path);
        var remote = ClusterOptions.NamesRemoteCluster(parse);
        var localSiloAnswers = !store.Explicit && !remote && await AnswersAsync(parse.GetValue(ClusterOptions.GatewayPort), cancellation);
        return (SweepAccessRule.Choose(store, remote, localSiloAnswers, storeExists), store, selection, storeExists);
    }

    private SweepAccess(ClusterConnection connection, SweepAccessKind kind) : this(connection, connection.Grains, connection.Calls, kind, null)
    {
    }

    private static async Task<ClusterConnection> ConnectAsync(ClusterTarget target, ClientTimeouts timeouts, StoreSelection store, bool storeExists,
        CancellationToken cancellation)
    {
        try
        {
            return await ClusterConnection.ConnectAsync(target, timeouts, cancellation);
        }
        catch (ClusterUnavailableException error) when (!target.IsRemote && !storeExists)
        {
            throw new ClusterUnavailableException($"{error.Message} There is no {store.Location} either (where `sweep run` keeps its sweeps); " +
                                                  "name a store with --store PATH.", error);
        }
    }

    /// <summary>Whether something holds this machine's gateway port. Only a refusal means no silo: on a loaded machine
    /// a probe that gets no answer in time still has a silo behind it, which the connect deadline then waits for.</summary>
    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellation) =>
        (await GatewayProber.ProbeAsync(IPAddress.Loopback.ToString(), port, cancellation)).Answer != GatewayAnswer.Refused;

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
