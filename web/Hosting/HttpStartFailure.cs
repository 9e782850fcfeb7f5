// Turns the web server's start failures into one line that names the flag to change, instead of a stack trace.
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace SweepCluster.Web.Hosting;

/// <summary>Clear messages for a web host that could not start.</summary>
public static class HttpStartFailure
{
    /// <summary>The message for <paramref name="error"/> when it is a failure to listen; null for anything else.</summary>
    public static string? Describe(Exception error, SweepWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = $"{options.Bind}:{options.Port}";
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressInUseException:
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                    return $"--http-port {options.Port} is already in use on {options.Bind}: choose another port with --http-port, or 0 to run without the web host";
                case SocketException { SocketErrorCode: SocketError.AddressNotAvailable }:
                    return $"--http-bind {options.Bind} is not an address of this machine (could not listen on {endpoint})";
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                    return $"--http-port {options.Port}: permission denied to listen on {endpoint} (ports below 1024 need privileges)";
            }
        }
        return null;
    }
}
