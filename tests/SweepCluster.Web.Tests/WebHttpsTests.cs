// HTTPS on the web host (--https-cert, --https-key): a page is fetched over HTTPS by a client that trusts exactly the
// certificate's CA (a custom validation callback, as a browser given that CA would); a client that trusts only the
// machine's roots refuses the connection; plain HTTP is not served on that port; a certificate without its key is
// refused naming both flags.
using System.Net;
using SweepCluster.Hosting;
using SweepCluster.Testing.MultiHost;
using SweepCluster.Web.Hosting;

namespace SweepCluster.Web.Tests;

/// <summary>One silo whose web host serves HTTPS with a certificate for 127.0.0.1, issued by a CA made for the test.</summary>
public sealed class HttpsSilo : IAsyncLifetime
{
    public const string Host = "127.0.0.1";

    public TestCertificates Certificates { get; } = TestCertificates.Create("web test CA", Host);
    public WebSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = WebSilo.TestOptions($"https-{Environment.ProcessId}");
        var files = Certificates.Settings(Host);
        options.HttpsCertificate = files.Certificate;
        options.HttpsKey = files.Key;
        Silo = await WebSilo.StartAsync(options, new ProcessGrainStore());
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        Certificates.Dispose();
    }
}

public sealed class WebHttpsTests(HttpsSilo https) : IClassFixture<HttpsSilo>
{
    private Uri Url(string scheme, string path) => new($"{scheme}://{HttpsSilo.Host}:{https.Silo.Options.HttpPort}{path}");

    [Fact]
    public async Task APageIsServedOverHttpsToAClientThatTrustsTheCa()
    {
        var authority = https.Certificates.Load(HttpsSilo.Host).Validator;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && authority.Check(certificate).Trusted,
        };
        using var http = new HttpClient(handler);

        using var page = await http.GetAsync(Url("https", "/sweeps"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AClientThatTrustsOnlyTheMachinesRootsRefusesTheCertificate()
    {
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Url("https", "/sweeps")));

        Assert.Contains("SSL", error.Message);
    }

    [Fact]
    public async Task PlainHttpIsNotServedOnTheHttpsPort()
    {
        using var http = new HttpClient();

        var served = await ServedAsync(http, Url("http", "/sweeps"));

        Assert.False(served, "a plain HTTP request got the sweep page on the HTTPS port");
    }

    [Fact]
    public void ACertificateWithoutItsKeyIsRefusedNamingBothFlags()
    {
        var options = new SweepSiloOptions { HttpsCertificate = https.Certificates.Settings(HttpsSilo.Host).Certificate };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal("HTTPS needs both --https-cert and --https-key (PEM files: the certificate and its private key), got only --https-cert", error.Message);
    }

    [Fact]
    public void AMissingCertificateFileIsRefusedNamingTheFlagAndTheFile()
    {
        var missing = Path.Combine(https.Certificates.Directory, "nope.crt");
        var options = new SweepWebOptions(8443, "127.0.0.1", null) { HttpsCertificate = missing, HttpsKey = missing };

        var error = Assert.Throws<ArgumentException>(() => WebCertificate.Load(options));

        Assert.Equal($"--https-cert {missing}: no such file (a PEM file)", error.Message);
    }

    // Whether the request got the page: a closed connection or an error status both mean it did not.
    private static async Task<bool> ServedAsync(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
