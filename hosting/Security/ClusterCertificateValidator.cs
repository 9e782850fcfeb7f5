// Whether a peer's certificate belongs to this cluster: it must chain to the cluster's CA, the only trust anchor
// (X509ChainTrustMode.CustomRootTrust: the machine's trusted roots count for nothing), and every certificate of the
// chain must be within its validity now. Host names are not checked: cluster members are identified by the CA that
// issued their certificates, not by the names or addresses they are reached at. No revocation is checked (the
// cluster has no revocation list: a leaked key is answered with a new CA).
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Hosting.Security;

/// <summary>The outcome of checking a certificate: trusted, or why not.</summary>
public sealed record CertificateVerdict(bool Trusted, string Reason)
{
    public static CertificateVerdict Accepted { get; } = new(true, "issued by the cluster's CA and within its validity");
}

public sealed class ClusterCertificateValidator(X509Certificate2Collection authorities, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Checks <paramref name="certificate"/>, with <paramref name="presented"/> the other certificates the peer
    /// sent (intermediates), if any.</summary>
    public CertificateVerdict Check(X509Certificate2 certificate, X509Certificate2Collection? presented = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (presented is not null) chain.ChainPolicy.ExtraStore.AddRange(presented);
        if (chain.Build(certificate)) return CertificateVerdict.Accepted;
        var problems = chain.ChainStatus.Select(s => Describe(s.Status, certificate)).Distinct().ToArray();
        return new CertificateVerdict(false, problems.Length == 0 ? $"{certificate.Subject} does not chain to the cluster's CA" : string.Join("; ", problems));
    }

    /// <summary>For TLS: whether the peer's certificate is trusted. The runtime's own verdict (against the machine's
    /// roots and the host name) is not consulted; <see cref="Check"/> is the whole rule.</summary>
    public bool IsTrusted(X509Certificate2 certificate, X509Chain? presented) =>
        Check(certificate, presented is null ? null : new X509Certificate2Collection(presented.ChainElements.Select(e => e.Certificate).Skip(1).ToArray())).Trusted;

    private static string Describe(X509ChainStatusFlags status, X509Certificate2 certificate) => status switch
    {
        X509ChainStatusFlags.NotTimeValid =>
            $"{certificate.Subject} is not within its validity (from {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC)",
        X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain => $"{certificate.Subject} was not issued by the cluster's CA",
        X509ChainStatusFlags.NotSignatureValid => $"{certificate.Subject} has a signature that does not verify",
        _ => $"{certificate.Subject}: {status}",
    };
}
