// The client's timeouts as flags, each defaulting to its environment variable, then to ClientTimeouts' default:
// --connect-timeout (connecting, with retries), --call-timeout (one grain call), --retry-timeout (a call retried
// through a failover). Values are seconds.
using System.CommandLine;
using System.Globalization;
using SweepCluster.Cli.Commands;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Cluster;

public static class TimeoutOptions
{
    public const string ConnectVariable = "SweepCluster__ConnectTimeout", CallVariable = "SweepCluster__CallTimeout",
        RetryVariable = "SweepCluster__RetryTimeout";

    public static readonly Option<string?> Connect = new("--connect-timeout")
    {
        Description = $"Seconds to keep trying to connect, with backoff (default {ClientTimeouts.DefaultConnect.TotalSeconds:0}, or ${ConnectVariable}). " +
                      "A cluster that refuses every connection is given up on after a few attempts.",
    };

    public static readonly Option<string?> Call = new("--call-timeout")
    {
        Description = $"Seconds one call to the cluster waits for its answer (default {ClientTimeouts.DefaultCall.TotalSeconds:0}, or ${CallVariable}).",
    };

    public static readonly Option<string?> Retry = new("--retry-timeout")
    {
        Description = $"Seconds to keep retrying a call that meets a failover (a silo died, a gateway moved) " +
                      $"(default {ClientTimeouts.DefaultRetry.TotalSeconds:0}, or ${RetryVariable}).",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Connect);
        command.Options.Add(Call);
        command.Options.Add(Retry);
    }

    /// <exception cref="InvalidFlagException">A value is not a positive number of seconds; the message names the flag or variable.</exception>
    public static ClientTimeouts From(ParseResult parse) => From(parse.GetValue(Connect), parse.GetValue(Call), parse.GetValue(Retry),
        Environment.GetEnvironmentVariable);

    public static ClientTimeouts From(string? connect, string? call, string? retry, Func<string, string?> environment) => new(
        Seconds(connect, Connect.Name, ConnectVariable, ClientTimeouts.DefaultConnect, environment),
        Seconds(call, Call.Name, CallVariable, ClientTimeouts.DefaultCall, environment),
        Seconds(retry, Retry.Name, RetryVariable, ClientTimeouts.DefaultRetry, environment));

    private static TimeSpan Seconds(string? flag, string flagName, string variable, TimeSpan fallback, Func<string, string?> environment)
    {
        var (text, source) = !string.IsNullOrWhiteSpace(flag) ? (flag, flagName)
            : environment(variable) is { } value && !string.IsNullOrWhiteSpace(value) ? (value, "$" + variable)
            : (null, null);
        if (text is null) return fallback;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= MaxSeconds)
            return TimeSpan.FromSeconds(seconds);
        throw new InvalidFlagException($"{source} '{text}' is not a number of seconds between 0 and {MaxSeconds:0} (e.g. 60 or 2.5)");
    }

    /// <summary>A day: longer is surely a typo, and TimeSpan arithmetic stays far from overflow.</summary>
    private const double MaxSeconds = 86_400;
}
