// The URL of a sweep's live page on a silo's web host (/sweeps/{id}), for `sweep watch ID --open`. The CLI does not
// talk HTTP itself; it only tells the user where to look.
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Cluster;

public static class SweepPageUrl
{
    /// <summary>A silo started with the default --http-bind and --http-port.</summary>
    public static Uri DefaultBase { get; } = new($"http://{SweepSiloOptions.DefaultHttpBind}:{SweepSiloOptions.DefaultHttpPort}/");

    /// <summary>An absolute http(s) URL, or InvalidFlagException naming --http-url.</summary>
    public static Uri Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new Commands.InvalidFlagException($"--http-url must be an absolute http:// or https:// URL such as {DefaultBase}, got '{text}'");

    /// <summary>The page of <paramref name="sweepId"/> under <paramref name="webBase"/> (a path in it is kept).</summary>
    public static Uri For(Uri webBase, string sweepId)
    {
        ArgumentNullException.ThrowIfNull(webBase);
        var withSlash = webBase.AbsoluteUri.EndsWith('/') ? webBase : new Uri(webBase.AbsoluteUri + "/");
        return new Uri(withSlash, $"sweeps/{Uri.EscapeDataString(sweepId)}");
    }
}
