// The CLI's cluster TLS flags and `sweep certs`: flags win over the SweepCluster__Tls__* variables; a bad mode or an
// unusable file is refused input (exit 2) naming the flag before anything is contacted; `sweep certs` makes a CA and
// one certificate per host that load as a client's, reuses its CA, and never overwrites or prints a key.
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Security;

namespace SweepCluster.Cli.Tests;

public sealed class ClusterTlsFlagTests : IDisposable
{
    private const int InvalidInput = 2;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FlagsWinOverTheEnvironmentAndTheModeDefaultsToAuto()
    {
        var environment = new Dictionary<string, string>
        {
            [ClusterTlsSettings.CertificateVariable] = "env.crt",
            [ClusterTlsSettings.KeyVariable] = "env.key",
            [ClusterTlsSettings.CaVariable] = "env-ca.crt",
        };

        var settings = ClusterTlsFlags.From(null, "flag.crt", null, null, name => environment.GetValueOrDefault(name));

        Assert.Equal(ClusterTlsMode.Auto, settings.Mode);
        Assert.Equal(("flag.crt", "env.key", "env-ca.crt"), (settings.Certificate, settings.Key, settings.Ca));
        Assert.Equal(ClusterTlsMode.Off, ClusterTlsFlags.From(null, null, null, null, name => name == ClusterTlsSettings.ModeVariable ? "OFF" : null).Mode);
    }

    [Fact]
    public void AnUnknownModeIsRefusedNamingWhereItCameFrom()
    {
        var fromFlag = Assert.Throws<ClusterTargetException>(() => ClusterTlsFlags.From("maybe", null, null, null, _ => null));
        var fromVariable = Assert.Throws<ClusterTargetException>(() =>
            ClusterTlsFlags.From(null, null, null, null, name => name == ClusterTlsSettings.ModeVariable ? "2" : null));

        Assert.Equal("--cluster-tls must be one of auto, on, off, got 'maybe'", fromFlag.Message);
        Assert.Equal("$SweepCluster__Tls__Mode must be one of auto, on, off, got '2'", fromVariable.Message);
    }

    [Fact]
    public void NoFilesMeansAPlainConnectionUnlessTlsIsOn()
    {
        Assert.Null(ClusterTlsFlags.Load(new ClusterTlsSettings()));
        var error = Assert.Throws<ClusterTargetException>(() => ClusterTlsFlags.Load(new ClusterTlsSettings { Mode = ClusterTlsMode.On }));
        Assert.StartsWith("cluster TLS needs three PEM files; missing: --tls-cert", error.Message);
    }

    [Fact]
    public void AMissingCertificateFileIsRefusedInputBeforeAnythingIsContacted()
    {
        var missing = _temp.File("missing.crt");

        var (exit, text) = CliRunner.Process("list", "--gateway", "127.0.0.1:9", "--tls-cert", missing, "--tls-key", missing, "--tls-ca", missing);

        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains($"--tls-cert {missing}: no such file", text);
    }

    [Fact]
    public void CertsMakesACaAndOneCertificatePerHostThatLoadAsAClients()
    {
        var folder = Path.Combine(_temp.Path, "certs");

        var (exit, text) = CliRunner.Capture(console => CertsCommand.Run(console, folder, ["silo1", "alice"], 30, "test CA"));

        Assert.Equal(0, exit);
        Assert.Contains("made the CA", text);
        Assert.DoesNotContain("PRIVATE KEY", text);
        var files = new ClusterCertificateFiles(folder);
        var alice = ClusterTlsFlags.Load(files.SettingsFor("alice"))!;
        Assert.Equal("CN=alice", alice.Own.Subject);
        Assert.Equal("CN=test CA", alice.Authorities.Single().Subject);
        Assert.True(alice.Validator.Check(ClusterCertificates.Load(files.SettingsFor("silo1")).Own).Trusted);
        Assert.InRange((alice.Own.NotAfter - DateTime.Now).TotalDays, 29, 30);

        var (again, later) = CliRunner.Capture(console => CertsCommand.Run(console, folder, ["silo2"], 30, "test CA"));
        Assert.Equal(0, again);
        Assert.Contains("using the CA in", later);
        Assert.True(alice.Validator.Check(ClusterCertificates.Load(files.SettingsFor("silo2")).Own).Trusted); // the same CA
    }

    [Theory]
    [InlineData("silo1", 30, "exists already")]
    [InlineData("../up", 30, "HOST '../up' is not a valid name")]
    [InlineData("ca", 30, "HOST 'ca' is not a valid name")]
    [InlineData("silo9", 0, "--days must be 1 to 3650, got 0")]
    public void CertsRefusesWhatItCannotIssueAndOverwritesNothing(string host, int days, string expected)
    {
        var folder = Path.Combine(_temp.Path, "certs");
        CliRunner.Capture(console => CertsCommand.Run(console, folder, ["silo1"], 30, "test CA"));
        var before = File.ReadAllText(Path.Combine(folder, "silo1.key"));

        var error = Assert.Throws<InvalidFlagException>(() => CliRunner.Capture(console => CertsCommand.Run(console, folder, [host], days, "test CA")));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "silo1.key")));
    }
}
