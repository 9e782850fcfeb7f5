namespace SweepCluster.Hosting;

/// <summary>One failed connection attempt: when it ended, what the Orleans client said, and what the gateways answered.</summary>
/// <param name="Error">The client's error, one line (its type's name when it has no message).</param>
public sealed record ConnectAttempt(TimeSpan EndedAt, string Error, IReadOnlyList<GatewayProbe> Probes)
{
    /// <summary>Every gateway refused the connection (none is listed counts too: there is nothing to connect to).</summary>
    public bool NothingListens => Probes.All(p => p.Answer == GatewayAnswer.Refused);

    public static string OneLine(Exception error)
    {
        var message = (error.InnerException is { } inner && string.IsNullOrWhiteSpace(error.Message) ? inner : error).Message;
        var line = string.IsNullOrWhiteSpace(message) ? error.GetType().Name : message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return line.Length <= MaxErrorLength ? line : line[..MaxErrorLength] + "…";
    }

    private const int MaxErrorLength = 200;
}
