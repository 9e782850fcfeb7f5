// The address a silo of a multi-machine cluster (PostgreSQL or Redis clustering) advertises to the others.
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace SweepCluster.Hosting;

public static class SiloEndpoints
{
    /// <summary><c>--advertise</c>, or this machine's first non-loopback IPv4 address (a silo must be routable).</summary>
    /// <exception cref="ArgumentException">There is no such address; the message names <c>--advertise</c>.</exception>
    public static IPAddress AdvertisedAddress(SweepSiloOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Advertise)) return IPAddress.Parse(options.Advertise);
        var candidates = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return candidates.FirstOrDefault()
            ?? throw new ArgumentException("this machine has no non-loopback IPv4 address to advertise: pass --advertise IP (the address other machines reach this silo at)");
    }
}
