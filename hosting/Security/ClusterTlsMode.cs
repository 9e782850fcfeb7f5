namespace SweepCluster.Hosting.Security;

/// <summary>Whether silo-to-silo and client-to-gateway connections use mutual TLS (<c>--cluster-tls</c>).</summary>
public enum ClusterTlsMode
{
    /// <summary>The default. A silo that listens beyond loopback (PostgreSQL, Redis or Kubernetes clustering) requires
    /// certificates; a loopback-only silo uses them when they are given. A client uses them when they are given.</summary>
    Auto,

    /// <summary>Certificates are required, whatever the silo listens on.</summary>
    On,

    /// <summary>No TLS, even beyond loopback: anyone who reaches the ports joins the cluster or calls its grains.
    /// Unsafe; for a network nobody else reaches.</summary>
    Off,
}
