// The web host's HTTPS certificate, from two PEM files (--https-cert and --https-key), checked before the silo starts
// so that a wrong file stops it with one line naming the flag instead of failing at the first request.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Web.Hosting;

public static class WebCertificate
{
    /// <summary>The certificate with its private key; null when HTTPS is off.</summary>
    /// <exception cref="ArgumentException">A file is missing or cannot be loaded, or the certificate has expired; the
    /// message names the flag and the file (never the key's contents).</exception>
    public static X509Certificate2? Load(SweepWebOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Https) return null;
        var certificatePath = RequireFile(options.HttpsCertificate!, SweepWebOptions.HttpsCertificateFlag);
        var keyPath = RequireFile(options.HttpsKey!, SweepWebOptions.HttpsKeyFlag);
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{SweepWebOptions.HttpsCertificateFlag} {certificatePath} with {SweepWebOptions.HttpsKeyFlag} {keyPath}: " +
                                        $"cannot load the certificate with its private key ({error.Message.TrimEnd('.')}); both must be PEM, the key unencrypted " +
                                        "and the one the certificate was issued for", error);
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            throw new ArgumentException($"{SweepWebOptions.HttpsCertificateFlag} {certificatePath}: not within its validity " +
                                        $"({certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd} UTC)");
        return certificate;
    }

    private static string RequireFile(string path, string flag)
    {
        var full = Path.GetFullPath(path.Trim());
        return File.Exists(full) ? full : throw new ArgumentException($"{flag} {full}: no such file (a PEM file)");
    }
}
