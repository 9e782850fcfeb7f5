// What a silo's web host needs to know: where it listens and who may look. The silo's own options (hosting's
// SweepSiloOptions, bound from --http-port, --http-bind and --http-user) hand these over; nothing else of the silo's
// settings reaches the web host.
using System.Net;

namespace SweepCluster.Web.Hosting;

/// <summary>The web host's address and user.</summary>
/// <param name="Port">The port of the web host (the Orleans dashboard and the sweep pages); 0 disables it.</param>
/// <param name="Bind">The IP address it listens on: loopback unless asked (0.0.0.0 opens it to the network).</param>
/// <param name="User">Basic-auth user name over every page; null or empty: no authentication. The password is read
/// from the <see cref="PasswordVariable"/> environment variable, never from the command line.</param>
/// <param name="Insecure">Serve a non-loopback <see cref="Bind"/> without authentication, as asked for explicitly
/// (<c>--http-insecure true</c>): for a port that only a trusted network reaches.</param>
public sealed record SweepWebOptions(int Port, string Bind, string? User, bool Insecure = false)
{
    public const int DefaultPort = 8080;
    public const string DefaultBind = "127.0.0.1";

    /// <summary>The environment variable holding the basic-auth password of <see cref="User"/>.</summary>
    public const string PasswordVariable = "SWEEPCLUSTER_HTTP_PASSWORD";

    public const string HttpsCertificateFlag = "--https-cert", HttpsKeyFlag = "--https-key";

    /// <summary>The certificate (PEM) the web host serves HTTPS with; null: plain HTTP. With <see cref="HttpsKey"/>.</summary>
    public string? HttpsCertificate { get; init; }

    /// <summary>The private key of <see cref="HttpsCertificate"/> (PEM, unencrypted): a path, never the key itself.</summary>
    public string? HttpsKey { get; init; }

    /// <summary>The web host is on (<see cref="Port"/> is not 0).</summary>
    public bool Enabled => Port != 0;

    /// <summary>The web host serves HTTPS (and only HTTPS) on its port.</summary>
    public bool Https => !string.IsNullOrWhiteSpace(HttpsCertificate);

    /// <summary>"https" or "http".</summary>
    public string Scheme => Https ? "https" : "http";

    /// <summary>The parsed <see cref="Bind"/> address (valid after <see cref="Validate"/>).</summary>
    public IPAddress BindAddress => IPAddress.Parse(Bind);

    /// <summary>Throws with a message naming the flag when a web setting is out of range.</summary>
    public void Validate()
    {
        if (Port is < 0 or > ushort.MaxValue) throw new ArgumentException($"--http-port must be 0 (no web host) or 1-65535, got {Port}");
        if (!IPAddress.TryParse(Bind, out _))
            throw new ArgumentException($"--http-bind must be an IP address such as {DefaultBind} (this machine only) or 0.0.0.0 (every interface), got '{Bind}'");
        if (string.IsNullOrWhiteSpace(HttpsCertificate) != string.IsNullOrWhiteSpace(HttpsKey))
            throw new ArgumentException($"HTTPS needs both {HttpsCertificateFlag} and {HttpsKeyFlag} (PEM files: the certificate and its private key), " +
                                        $"got only {(Https ? HttpsCertificateFlag : HttpsKeyFlag)}");
        if (User is { } user && user.Contains(':')) throw new ArgumentException($"--http-user must not contain ':', got '{user}'");
        if (Enabled && !IPAddress.IsLoopback(BindAddress) && string.IsNullOrEmpty(User) && !Insecure)
            throw new ArgumentException(
                $"--http-bind {Bind} opens the dashboard and the sweep pages to the network, where anyone could read and cancel sweeps: " +
                $"set --http-user NAME (the password in {PasswordVariable}), or add --http-insecure true to serve them without a login " +
                "to whoever reaches this port");
    }
}
