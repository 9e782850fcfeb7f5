// A cluster's certificate folder, as `sweep certs` writes it and the test fixtures make it: ca.crt and ca.key (the CA;
// keep ca.key off the silo hosts once the members are issued), and NAME.crt and NAME.key per member. Keys are written
// readable by their owner only (0600), certificates by everyone.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace SweepCluster.Hosting.Security;

public sealed partial class ClusterCertificateFiles(string directory)
{
    public const string AuthorityName = "ca", CertificateExtension = ".crt", KeyExtension = ".key";

    /// <summary>The CA's name in its certificate when none is given.</summary>
    public const string DefaultAuthoritySubject = "SweepCluster CA";

    /// <summary>What a member name may be, as messages say it.</summary>
    public const string MemberNameRule = "letters, digits, '.', '_' and '-', starting with a letter or digit, not 'ca'";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Readable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public string Directory { get; } = Path.GetFullPath(directory);

    public string CertificatePath(string name) => Path.Combine(Directory, name + CertificateExtension);

    public string KeyPath(string name) => Path.Combine(Directory, name + KeyExtension);

    public string AuthorityCertificatePath => CertificatePath(AuthorityName);

    public string AuthorityKeyPath => KeyPath(AuthorityName);

    public bool HasAuthority => File.Exists(AuthorityCertificatePath) && File.Exists(AuthorityKeyPath);

    /// <summary>The settings of a member whose files are here.</summary>
    public ClusterTlsSettings SettingsFor(string member) =>
        new() { Certificate = CertificatePath(member), Key = KeyPath(member), Ca = AuthorityCertificatePath };

    public static bool IsValidMemberName(string name) =>
        MemberName().IsMatch(name) && !string.Equals(name, AuthorityName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The CA of this folder, made now when it has none.</summary>
    /// <returns>The CA with its private key, and whether it was made now.</returns>
    /// <exception cref="ArgumentException">Only one of ca.crt and ca.key is there, or they cannot be loaded together.</exception>
    public (X509Certificate2 Authority, bool Created) LoadOrCreateAuthority(string subject, DateTimeOffset now)
    {
        if (HasAuthority)
        {
            try
            {
                return (X509Certificate2.CreateFromPemFile(AuthorityCertificatePath, AuthorityKeyPath), false);
            }
            catch (CryptographicException error)
            {
                throw new ArgumentException($"{AuthorityCertificatePath} with {AuthorityKeyPath}: cannot load the CA with its key ({error.Message.TrimEnd('.')})", error);
            }
        }
        if (File.Exists(AuthorityCertificatePath) || File.Exists(AuthorityKeyPath))
            throw new ArgumentException($"{Directory} holds only one of {AuthorityName}{CertificateExtension} and {AuthorityName}{KeyExtension}: " +
                                        "put the other back, or use an empty folder for a new CA");
        System.IO.Directory.CreateDirectory(Directory);
        var authority = ClusterCertificateIssuer.CreateAuthority(subject, now);
        Write(AuthorityName, authority);
        return (authority, true);
    }

    /// <summary>Writes <paramref name="certificate"/> and its private key as NAME.crt and NAME.key.</summary>
    /// <exception cref="ArgumentException">A file of that name exists already (it is never overwritten).</exception>
    public void Write(string name, X509Certificate2 certificate)
    {
        foreach (var path in new[] { CertificatePath(name), KeyPath(name) })
            if (File.Exists(path)) throw new ArgumentException($"{path} exists already: delete it to issue a new one, or choose another name");
        WriteText(KeyPath(name), ExportKey(certificate), OwnerOnly);
        WriteText(CertificatePath(name), certificate.ExportCertificatePem() + "\n", Readable);
    }

    private static string ExportKey(X509Certificate2 certificate)
    {
        using var key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException($"{certificate.Subject} has no private key to write");
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    private static void WriteText(string path, string text, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex MemberName();
}
