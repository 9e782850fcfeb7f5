// The CLI's cluster TLS flags, each defaulting to the environment variable the silos read too: --tls-cert, --tls-key
// and --tls-ca (PEM files: paths only, never a key's contents) and --cluster-tls (auto: TLS when the files are given).
// Every command that reaches a gateway takes them (ClusterOptions).
using System.CommandLine;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Security;

namespace SweepCluster.Cli.Cluster;

public static class ClusterTlsFlags
{
    public static readonly Option<string?> Mode = new(ClusterTlsSettings.ModeFlag)
    {
        Description = $"Mutual TLS to the gateways: auto (when certificate files are given), on (they are required) or off " +
                      $"(default: ${ClusterTlsSettings.ModeVariable}, else auto).",
    };

    public static readonly Option<string?> Certificate = new(ClusterTlsSettings.CertificateFlag)
    {
        Description = $"This client's certificate (PEM), issued by the cluster's CA (default: ${ClusterTlsSettings.CertificateVariable}). Make one with `sweep certs`.",
    };

    public static readonly Option<string?> Key = new(ClusterTlsSettings.KeyFlag)
    {
        Description = $"The file holding its private key (PEM; default: ${ClusterTlsSettings.KeyVariable}). A path: never put a key itself on a command line.",
    };

    public static readonly Option<string?> Ca = new(ClusterTlsSettings.CaFlag)
    {
        Description = $"The cluster's CA certificate (PEM): the gateways' certificates must chain to it (default: ${ClusterTlsSettings.CaVariable}).",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Mode);
        command.Options.Add(Certificate);
        command.Options.Add(Key);
        command.Options.Add(Ca);
    }

    /// <summary>The settings from the flags, else the environment.</summary>
    /// <exception cref="ClusterTargetException">The mode is not one of auto, on and off.</exception>
    public static ClusterTlsSettings From(ParseResult parse, Func<string, string?> environment) =>
        From(parse.GetValue(Mode), parse.GetValue(Certificate), parse.GetValue(Key), parse.GetValue(Ca), environment);

    public static ClusterTlsSettings From(string? mode, string? certificate, string? key, string? ca, Func<string, string?> environment)
    {
        var (modeText, modeSource) = Pick(mode, ClusterTlsSettings.ModeFlag, ClusterTlsSettings.ModeVariable, environment);
        var parsed = ClusterTlsMode.Auto;
        if (modeText is not null && !Enum.GetNames<ClusterTlsMode>().Contains(modeText, StringComparer.OrdinalIgnoreCase)) // names only, not numbers
            throw new ClusterTargetException($"{modeSource} must be one of {ClusterTlsSettings.ModeValues}, got '{modeText}'", null);
        if (modeText is not null) parsed = Enum.Parse<ClusterTlsMode>(modeText, ignoreCase: true);
        return new ClusterTlsSettings
        {
            Mode = parsed,
            Certificate = Pick(certificate, ClusterTlsSettings.CertificateFlag, ClusterTlsSettings.CertificateVariable, environment).Value,
            Key = Pick(key, ClusterTlsSettings.KeyFlag, ClusterTlsSettings.KeyVariable, environment).Value,
            Ca = Pick(ca, ClusterTlsSettings.CaFlag, ClusterTlsSettings.CaVariable, environment).Value,
        };
    }

    /// <summary>The client's certificates, or null for plain TCP.</summary>
    /// <exception cref="ClusterTargetException">A file is missing or unusable; the message names the flag and the file.</exception>
    public static ClusterCertificates? Load(ClusterTlsSettings settings)
    {
        try
        {
            return ClusterTlsRequirement.ForClient(settings);
        }
        catch (ArgumentException error)
        {
            throw new ClusterTargetException(error.Message, error);
        }
    }

    private static (string? Value, string Source) Pick(string? flag, string flagName, string variable, Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(flag) ? (flag.Trim(), flagName)
        : environment(variable) is { } value && !string.IsNullOrWhiteSpace(value) ? (value.Trim(), "$" + variable)
        : (null, flagName);
}
