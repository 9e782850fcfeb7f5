// Renders a Razor component to a TextWriter with Microsoft.AspNetCore.Components.Web.HtmlRenderer: static HTML, no
// interactivity, every @value escaped by the encoder. Non-ASCII letters are written as they are (the page is UTF-8);
// '<', '>', '&', '"' and '\'' are always escaped. It knows nothing of reports.
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaticHtmlRenderer = Microsoft.AspNetCore.Components.Web.HtmlRenderer;

namespace SweepCluster.Reporting.Html;

/// <summary>Static rendering of components to text.</summary>
internal static class RazorHtml
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <summary>Writes <typeparamref name="TComponent"/> rendered with <paramref name="parameters"/> to <paramref name="output"/>.</summary>
    public static void Write<TComponent>(IDictionary<string, object?> parameters, TextWriter output) where TComponent : IComponent
    {
        using var renderer = new StaticHtmlRenderer(Services, Services.GetRequiredService<ILoggerFactory>());
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            root.WriteHtmlTo(output);
        }).GetAwaiter().GetResult();
    }
}
