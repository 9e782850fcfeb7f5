// The cluster's certificate rule without a network: what `sweep certs` issues chains to its CA and serves as TLS
// server and client; a certificate of another CA, an expired one and one not yet valid are refused with the reason;
// and the silo's rule (--cluster-tls): loopback needs nothing, beyond loopback needs certificates or an explicit off,
// and bad files are refused naming the flag and the file.
using System.Security.Cryptography.X509Certificates;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Security;
using SweepCluster.Testing.MultiHost;

namespace SweepCluster.Cluster.Tests.Tls;

public sealed class ClusterCertificateTests : IDisposable
{
    private readonly TestCertificates _cluster = TestCertificates.Create("test CA", "silo1");
    private readonly TestCertificates _other = TestCertificates.Create("other CA", "stranger");

    public void Dispose()
    {
        _cluster.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void AMemberCertificateChainsToItsCaAndServesAsServerAndClient()
    {
        var silo = _cluster.Load("silo1");

        Assert.True(silo.Own.HasPrivateKey);
        Assert.Equal("CN=silo1", silo.Own.Subject);
        Assert.True(silo.Validator.Check(silo.Own).Trusted);
        var usages = silo.Own.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value);
        Assert.Equal([ClusterCertificateIssuer.ServerAuthentication, ClusterCertificateIssuer.ClientAuthentication], usages);
    }

    [Fact]
    public void ACertificateOfAnotherCaIsNotTrusted()
    {
        var verdict = _cluster.Load("silo1").Validator.Check(_other.Load("stranger").Own);

        Assert.False(verdict.Trusted);
        Assert.Equal("CN=stranger was not issued by the cluster's CA", verdict.Reason);
    }

    [Fact]
    public void ACertificateOutsideItsValidityIsNotTrusted()
    {
        var files = new ClusterCertificateFiles(_cluster.Directory);
        using var authority = X509Certificate2.CreateFromPemFile(files.AuthorityCertificatePath, files.AuthorityKeyPath);
        var now = DateTimeOffset.UtcNow;
        using var expired = ClusterCertificateIssuer.IssueMember(authority, "old", TimeSpan.FromHours(1), now);
        var validator = _cluster.Load("silo1").Validator;

        var later = new ClusterCertificateValidator(new X509Certificate2Collection(authority), new FixedClock(now + TimeSpan.FromDays(2))).Check(expired);
        var earlier = new ClusterCertificateValidator(new X509Certificate2Collection(authority), new FixedClock(now - TimeSpan.FromDays(2))).Check(expired);

        Assert.True(validator.Check(expired).Trusted);
        Assert.False(later.Trusted);
        Assert.Contains("CN=old is not within its validity", later.Reason);
        Assert.False(earlier.Trusted);
        Assert.Contains("is not within its validity", earlier.Reason);
    }

    [Fact]
    public void ALoopbackSiloNeedsNoCertificatesAndUsesThemWhenGiven()
    {
        Assert.Null(ClusterTlsRequirement.ForSilo(new SweepSiloOptions()));
        Assert.NotNull(ClusterTlsRequirement.ForSilo(new SweepSiloOptions { Tls = _cluster.Settings("silo1") }));
        Assert.Null(ClusterTlsRequirement.InsecureWarning(new SweepSiloOptions { Tls = { Mode = ClusterTlsMode.Off } }));
    }

    [Theory]
    [InlineData(ClusteringKind.Postgres, "--clustering postgres")]
    [InlineData(ClusteringKind.Redis, "--clustering redis")]
    public void ASiloBeyondLoopbackWithoutCertificatesIsRefusedUnlessTlsIsTurnedOff(ClusteringKind clustering, string named)
    {
        var options = new SweepSiloOptions { Clustering = clustering, Redis = "127.0.0.1:6379" };

        var error = Assert.Throws<ArgumentException>(() => ClusterTlsRequirement.ForSilo(options));

        Assert.StartsWith($"this silo listens beyond loopback ({named}) and needs cluster TLS certificates", error.Message);
        Assert.Contains("--tls-cert ($SweepCluster__Tls__Certificate), --tls-key ($SweepCluster__Tls__Key), --tls-ca ($SweepCluster__Tls__Ca)", error.Message);
        Assert.Contains("sweep certs", error.Message);
        Assert.Contains("--cluster-tls off", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        options.Tls.Mode = ClusterTlsMode.Off;
        Assert.Null(ClusterTlsRequirement.ForSilo(options));
        Assert.Contains("--cluster-tls off", ClusterTlsRequirement.InsecureWarning(options));
    }

    [Fact]
    public void TlsOnRequiresCertificatesEvenOnLoopback()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterTlsRequirement.ForSilo(new SweepSiloOptions { Tls = { Mode = ClusterTlsMode.On } }));
        Assert.StartsWith("--cluster-tls on and needs cluster TLS certificates", error.Message);
    }

    [Fact]
    public void BadFilesAreRefusedNamingTheFlagAndTheFile()
    {
        var good = _cluster.Settings("silo1");
        var strangers = _other.Settings("stranger");
        var missing = Path.Combine(_cluster.Directory, "nope.crt");

        Assert.Equal($"--tls-cert {missing}: no such file (a PEM file; {ClusterTlsSettings.HowToMake})",
            Refusal(new ClusterTlsSettings { Certificate = missing, Key = good.Key, Ca = good.Ca }));
        Assert.Contains($"--tls-cert {good.Certificate} with --tls-key {strangers.Key}: cannot load the certificate with its private key",
            Refusal(new ClusterTlsSettings { Certificate = good.Certificate, Key = strangers.Key, Ca = good.Ca }));
        Assert.StartsWith($"--tls-ca {good.Certificate}: CN=silo1 is not a CA certificate",
            Refusal(new ClusterTlsSettings { Certificate = good.Certificate, Key = good.Key, Ca = good.Certificate }));
        Assert.StartsWith($"--tls-cert {strangers.Certificate}: CN=stranger was not issued by the cluster's CA",
            Refusal(new ClusterTlsSettings { Certificate = strangers.Certificate, Key = strangers.Key, Ca = good.Ca }));
        Assert.StartsWith("cluster TLS needs three PEM files; missing: --tls-key ($SweepCluster__Tls__Key), --tls-ca ($SweepCluster__Tls__Ca)",
            Refusal(new ClusterTlsSettings { Certificate = good.Certificate }));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: the cluster's hosts are Linux
    public void KeysAreWrittenForTheirOwnerOnlyAndNeverOverwritten()
    {
        var files = new ClusterCertificateFiles(_cluster.Directory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.KeyPath("silo1")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.AuthorityKeyPath));
        var (authority, created) = files.LoadOrCreateAuthority("test CA", DateTimeOffset.UtcNow);
        using (authority)
        {
            Assert.False(created);
            using var again = ClusterCertificateIssuer.IssueMember(authority, "silo1", TimeSpan.FromDays(1), DateTimeOffset.UtcNow);
            var error = Assert.Throws<ArgumentException>(() => files.Write("silo1", again));
            Assert.Contains("exists already", error.Message);
        }
    }

    private static string Refusal(ClusterTlsSettings settings) => Assert.Throws<ArgumentException>(() => ClusterCertificates.Load(settings)).Message;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
