namespace SweepCluster.Hosting;

/// <summary>What a plain TCP connection to a gateway endpoint met (no Orleans handshake).</summary>
public enum GatewayAnswer
{
    /// <summary>Connection refused: nothing listens on that port.</summary>
    Refused,

    /// <summary>No answer within the probe's time (a firewall drops it, or the machine is overloaded).</summary>
    NoAnswer,

    /// <summary>Something accepted the connection.</summary>
    Listening,
}

/// <summary>One gateway endpoint and what a probe of it met.</summary>
public sealed record GatewayProbe(string Endpoint, GatewayAnswer Answer);
