// Checks, before the silo starts, that the web host's address can be listened on, so a taken --http-port fails in a
// second with one line instead of after the silo joined the cluster (and left it again, with Orleans' shutdown
// noise). The server's own start failure is still translated (HttpStartFailure) for the port taken in between.
using System.Net.Sockets;

namespace SweepCluster.Web.Hosting;

/// <summary>A trial bind of --http-bind:--http-port.</summary>
internal static class HttpPortProbe
{
    /// <exception cref="ArgumentException">The address cannot be listened on; the message names the flag.</exception>
    public static void EnsureAvailable(SweepWebOptions options)
    {
        var listener = new TcpListener(options.BindAddress, options.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException error)
        {
            throw new ArgumentException(HttpStartFailure.Describe(error, options) ?? $"--http-port {options.Port}: cannot listen on {options.Bind}: {error.Message}", error);
        }
        finally
        {
            listener.Stop();
        }
    }
}
