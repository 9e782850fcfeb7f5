namespace SweepCluster.Hosting;

/// <summary>A silo or client cannot join its cluster; the message says what was tried and which flag to change.</summary>
public sealed class ClusterStartupException(string message, Exception? inner = null) : Exception(message, inner);
