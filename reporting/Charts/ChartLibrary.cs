// The charting library the HTML report inlines (Apache ECharts): its minified script and its version, both read from
// the npm package embedded at build time (reporting's csproj). It does not build charts or write HTML.
using System.Text.Json;

namespace SweepCluster.Reporting.Charts;

/// <summary>The embedded Apache ECharts script and the version its package declares.</summary>
public static class ChartLibrary
{
    /// <summary>The library's name as the page credits it.</summary>
    public const string Name = "Apache ECharts";

    private const string ScriptResource = "SweepCluster.Reporting.ChartLibrary.echarts.min.js";
    private const string PackageResource = "SweepCluster.Reporting.ChartLibrary.package.json";
    private const string VersionProperty = "version";

    private static readonly Lazy<string> LazyScript = new(() => ReadResource(ScriptResource));
    private static readonly Lazy<string> LazyVersion = new(ReadVersion);

    /// <summary>The minified script, its license comment included, exactly as the package ships it.</summary>
    public static string Script => LazyScript.Value;

    /// <summary>The package's version, e.g. "6.1.0".</summary>
    public static string Version => LazyVersion.Value;

    private static string ReadVersion()
    {
        using var package = JsonDocument.Parse(ReadResource(PackageResource));
        return package.RootElement.GetProperty(VersionProperty).GetString()
            ?? throw new InvalidOperationException($"the embedded {Name} package.json has no {VersionProperty}");
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(ChartLibrary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the {Name} resource {name} is not embedded in {typeof(ChartLibrary).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
