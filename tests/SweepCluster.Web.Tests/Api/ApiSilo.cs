// One real silo with its web host (and a store), shared by the /api/ endpoint tests and the Python client's tests,
// which run one after the other in one collection so that only one sweep trains at a time.
using SweepCluster.Hosting;

namespace SweepCluster.Web.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiSiloCollection : ICollectionFixture<ApiSilo>
{
    public const string Name = "api silo";
}

public sealed class ApiSilo : IAsyncLifetime
{
    /// <summary>A small built-in sweep: 2 iris trials of 2 epochs.</summary>
    public const string IrisSpec = "name: api-iris\ndataset: iris\nepochs: 2\nseeds: [1, 2]\nlearning_rate: [{ schedule: constant, initial: 0.05 }]\n";

    /// <summary>How long a test waits for a small sweep to end.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public WebSilo Silo { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await WebSilo.StartAsync(WebSilo.TestOptions($"api-{Environment.ProcessId}"), new ProcessGrainStore());
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
    }
}
