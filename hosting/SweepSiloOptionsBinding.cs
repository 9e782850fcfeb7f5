// Binds SweepSiloOptions from configuration with errors that name the flag (the binder's own message for
// `--clustering rediss` is about a type conversion, not about what the user typed).
using Microsoft.Extensions.Configuration;
using SweepCluster.Hosting.Security;

namespace SweepCluster.Hosting;

public static class SweepSiloOptionsBinding
{
    /// <summary>The options of section <see cref="SweepSiloOptions.Section"/>, or defaults when it is absent.</summary>
    /// <exception cref="ArgumentException">A value cannot be converted; the message names the flag and what is valid.</exception>
    public static SweepSiloOptions Bind(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(SweepSiloOptions.Section).Get<SweepSiloOptions>() ?? new SweepSiloOptions();
        }
        catch (InvalidOperationException error)
        {
            var clustering = configuration[$"{SweepSiloOptions.Section}:{nameof(SweepSiloOptions.Clustering)}"];
            if (clustering is not null && !Enum.TryParse<ClusteringKind>(clustering, ignoreCase: true, out _))
                throw new ArgumentException($"--clustering must be one of {string.Join(", ", ClusteringKindNames.All)}, got '{clustering}'", error);
            var tls = configuration[$"{SweepSiloOptions.Section}:{ClusterTlsSettings.Section}:{nameof(ClusterTlsSettings.Mode)}"];
            if (tls is not null && !Enum.TryParse<ClusterTlsMode>(tls, ignoreCase: true, out _))
                throw new ArgumentException($"{ClusterTlsSettings.ModeFlag} must be one of {ClusterTlsSettings.ModeValues}, got '{tls}'", error);
            throw new ArgumentException($"a setting of section {SweepSiloOptions.Section} (a flag, appsettings.json or a SweepCluster__ variable) has a value of the wrong type: {error.Message}", error);
        }
    }
}
