// Inside Kubernetes (`--kubernetes true`, deploy/k8s): the pod's name, namespace and IP and the cluster and service
// ids come from the pod's environment (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID), and
// Orleans deletes the pods of silos that the cluster declared dead. Membership and state stay in Redis.
using Orleans.Hosting;

namespace SweepCluster.Hosting;

public static class KubernetesHosting
{
    /// <summary>Adds Orleans' Kubernetes hosting when <see cref="SweepSiloOptions.Kubernetes"/> is set.</summary>
    public static ISiloBuilder UseSweepClusterKubernetes(this ISiloBuilder silo, SweepSiloOptions options) =>
        options.Kubernetes ? silo.UseKubernetesHosting() : silo;
}
