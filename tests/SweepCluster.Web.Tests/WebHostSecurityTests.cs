// The web host's defaults and guards: it listens on loopback unless asked, basic auth refuses a wrong or missing
// password on every page (sweep pages and the dashboard alike), a user without a password in the environment is
// refused, and a taken --http-port stops the silo program with one clear line naming the flag.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SweepCluster.Hosting;
using SweepCluster.Web.Hosting;

namespace SweepCluster.Web.Tests;

/// <summary>One silo whose web host requires <see cref="User"/> and <see cref="Password"/>, on default bind settings.</summary>
public sealed class SecuredSilo : IAsyncLifetime
{
    public const string User = "alice";
    public const string Password = "correct horse battery staple";

    public WebSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SweepSiloOptions { Slots = 1, SiloPort = FreePorts.Next(), GatewayPort = 0, HttpPort = FreePorts.Next(), HttpUser = User, ClusterId = $"secured-{Environment.ProcessId}" };
        Silo = await WebSilo.StartAsync(options, new ProcessGrainStore(),
            environment: name => name == SweepSiloOptions.HttpPasswordVariable ? Password : null);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

public sealed class WebHostSecurityTests(SecuredSilo secured) : IClassFixture<SecuredSilo>
{
    private static readonly string[] Pages = ["/", "/sweeps", "/sweeps/no-such-sweep", "/dashboard/", "/dashboard/DashboardCounters"];

    [Fact]
    public void HttpBindDefaultsToLoopback()
    {
        Assert.Equal("127.0.0.1", new SweepSiloOptions().HttpBind);
        Assert.Equal(SweepSiloOptions.DefaultHttpPort, new SweepSiloOptions().HttpPort);

        var addresses = secured.Silo.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

        Assert.NotEmpty(addresses);
        Assert.All(addresses, address => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(address).Host)), $"{address} is not loopback"));
    }

    [Fact]
    public async Task BasicAuthRefusesAWrongPasswordOnEveryPage()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = secured.Silo.BaseUrl };
        foreach (var page in Pages)
        {
            using var anonymous = await http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);

            using var wrong = await http.SendAsync(Request(page, SecuredSilo.User, "wrong password"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

            using var wrongUser = await http.SendAsync(Request(page, "mallory", SecuredSilo.Password));
            Assert.Equal(HttpStatusCode.Unauthorized, wrongUser.StatusCode);

            using var right = await http.SendAsync(Request(page, SecuredSilo.User, SecuredSilo.Password));
            Assert.True(right.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{page}: {right.StatusCode}");
            Assert.NotEqual(HttpStatusCode.Unauthorized, right.StatusCode);
        }
    }

    [Fact]
    public void UserWithoutPasswordIsRefusedNamingTheVariable()
    {
        var options = new SweepSiloOptions { HttpUser = SecuredSilo.User };

        var error = Assert.Throws<ArgumentException>(() => WebCredentials.From(options.Web, _ => null));

        Assert.Contains("--http-user", error.Message);
        Assert.Contains(SweepSiloOptions.HttpPasswordVariable, error.Message);
    }

    [Theory]
    [InlineData("0.0.0.0", null, false, true)]
    [InlineData("192.0.2.7", null, false, true)]
    [InlineData("0.0.0.0", "alice", false, false)]
    [InlineData("0.0.0.0", null, true, false)]
    [InlineData("127.0.0.1", null, false, false)]
    [InlineData("::1", null, false, false)]
    public void A_network_bind_without_a_login_is_refused_unless_asked_for(string bind, string? user, bool insecure, bool refused)
    {
        var options = new SweepWebOptions(8080, bind, user, insecure);
        if (!refused)
        {
            options.Validate();
            return;
        }
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains($"--http-bind {bind}", error.Message);
        Assert.Contains("--http-user", error.Message);
        Assert.Contains("--http-insecure true", error.Message);
    }

    [Fact]
    public async Task A_silo_asked_to_serve_the_network_without_a_login_stops_with_exit_code_2()
    {
        var silo = await DotnetProgram.RunAsync(DotnetProgram.Silo,
            ["--http-bind", "0.0.0.0", "--http-port", FreePorts.Next().ToString(), "--silo-port", FreePorts.Next().ToString(), "--gateway-port", "0",
             "--store", "memory", "--cluster-id", $"open-{Environment.ProcessId}"]);

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("error: --http-bind 0.0.0.0 opens the dashboard", silo.Error);
        Assert.DoesNotContain("   at ", silo.Error + silo.Output);
    }

    [Fact]
    public async Task TakenHttpPortStopsTheSiloWithAClearError()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var silo = await DotnetProgram.RunAsync(DotnetProgram.Silo,
            ["--http-port", port.ToString(), "--silo-port", FreePorts.Next().ToString(), "--gateway-port", "0", "--cluster-id", $"taken-{Environment.ProcessId}"]);

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains($"error: --http-port {port} is already in use on 127.0.0.1", silo.Error);
        Assert.DoesNotContain("   at ", silo.Error + silo.Output);
    }

    private static HttpRequestMessage Request(string page, string user, string password) => new(HttpMethod.Get, page)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))) },
    };
}
