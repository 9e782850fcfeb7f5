// Why a gateway closed every handshake, as far as TLS tells: Orleans' client reports a failed TLS handshake only as
// "connection initialization failed", the same as a gateway of another cluster. So when a client gives up for that
// reason, it opens one TLS connection of its own to a listening gateway and looks: does the gateway speak TLS at all,
// is its certificate issued by this client's CA, and does it keep the connection once it saw this client's
// certificate. The finding is one sentence for the client's error line; null when TLS is not the problem.
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Hosting.Security;

public static class GatewayTlsProbe
{
    /// <summary>How long the probe's connection, handshake and wait for the gateway's verdict may each take.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(3);

    /// <param name="host">A gateway (or silo port) that accepts TCP connections: its address or name.</param>
    /// <param name="port">Its port.</param>
    /// <param name="tls">This client's certificates; null for a client without TLS.</param>
    public static async Task<string?> ExplainAsync(string host, int port, ClusterCertificates? tls, CancellationToken cancellation)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(StepTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception error) when (error is SocketException || error is OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            return null; // nothing to learn: the gateway probes already say what the connection met
        }
        X509Certificate2? seen = null;
        await using var stream = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            seen = certificate is null ? null : new X509Certificate2(certificate);
            return true; // judged below, with the cluster's rule, so that the handshake tells what the gateway does
        });
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ClientCertificates = tls is null ? null : new X509CertificateCollection { tls.Own },
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        var endpoint = $"{host}:{port}";
        try
        {
            timeout.CancelAfter(StepTimeout);
            await stream.AuthenticateAsClientAsync(options, timeout.Token);
        }
        catch (Exception error) when (error is AuthenticationException or IOException || error is OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            if (seen is null)
                return tls is null ? null : $"gateway {endpoint} does not speak TLS: the silos run without cluster TLS, so drop {ClusterTlsSettings.CertificateFlag} (or start them with certificates)";
        }
        if (seen is null) return null;
        if (tls is null)
            return $"gateway {endpoint} requires cluster TLS and this client has no certificate: give it one issued by the cluster's CA with " +
                   $"{ClusterTlsSettings.CertificateFlag}, {ClusterTlsSettings.KeyFlag} and {ClusterTlsSettings.CaFlag} (${ClusterTlsSettings.CertificateVariable}, ...)";
        var verdict = tls.Validator.Check(seen);
        if (!verdict.Trusted)
            return $"gateway {endpoint} presented a certificate this client does not trust ({verdict.Reason}; {ClusterTlsSettings.CaFlag} names another CA than the silos')";
        return await KeptAsync(stream, cancellation)
            ? null
            : $"gateway {endpoint} refused this client's certificate {tls.Own.Subject} ({tls.CertificatePath}): it must be issued by the silos' CA";
    }

    // After the handshake a gateway that accepted the client waits for Orleans' greeting; one that refused its certificate
    // closes the connection (with TLS 1.3 the refusal comes only after the client finished its handshake).
    private static async Task<bool> KeptAsync(SslStream stream, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(StepTimeout);
        var buffer = new byte[1];
        try
        {
            return await stream.ReadAsync(buffer, timeout.Token) > 0;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return true; // still open, waiting for us
        }
        catch (Exception error) when (error is IOException or AuthenticationException)
        {
            return false;
        }
    }
}
