// Free loopback ports for the silos and web hosts a test starts (asked of the OS, released just before use).
using System.Net;
using System.Net.Sockets;

namespace SweepCluster.Web.Tests;

public static class FreePorts
{
    /// <summary>A port no one listens on at the moment of the call.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
