// A cluster's certificates made at run time for a test (never committed): a CA and one certificate per member in a
// temporary folder, written as `sweep certs` writes them, removed on dispose. Made with the same code as `sweep certs`.
using SweepCluster.Hosting.Security;

namespace SweepCluster.Testing.MultiHost;

public sealed class TestCertificates : IDisposable
{
    private readonly ClusterCertificateFiles _files;

    private TestCertificates(ClusterCertificateFiles files) => _files = files;

    /// <summary>How long the members' certificates are valid (a test run is far shorter).</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public string Directory => _files.Directory;

    /// <summary>A new CA named <paramref name="authority"/> with one certificate per member.</summary>
    public static TestCertificates Create(string authority, params string[] members)
    {
        var files = new ClusterCertificateFiles(System.IO.Directory.CreateTempSubdirectory("sc-certs-").FullName);
        var now = DateTimeOffset.UtcNow;
        var (ca, _) = files.LoadOrCreateAuthority(authority, now);
        using (ca)
        {
            foreach (var member in members)
            {
                using var certificate = ClusterCertificateIssuer.IssueMember(ca, member, Lifetime, now);
                files.Write(member, certificate);
            }
        }
        return new TestCertificates(files);
    }

    /// <summary>The settings (file paths) of a member.</summary>
    public ClusterTlsSettings Settings(string member) => _files.SettingsFor(member);

    /// <summary>A member's certificates, loaded as a silo or client loads them.</summary>
    public ClusterCertificates Load(string member) => ClusterCertificates.Load(Settings(member));

    /// <summary>The environment variables that give a silo or CLI process a member's certificates.</summary>
    public IReadOnlyDictionary<string, string> Environment(string member)
    {
        var settings = Settings(member);
        return new Dictionary<string, string>
        {
            [ClusterTlsSettings.CertificateVariable] = settings.Certificate!,
            [ClusterTlsSettings.KeyVariable] = settings.Key!,
            [ClusterTlsSettings.CaVariable] = settings.Ca!,
        };
    }

    public void Dispose() => System.IO.Directory.Delete(_files.Directory, recursive: true);
}
