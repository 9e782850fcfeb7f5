// What a page needs to draw the charts: the charting library and one small init script that defines
// window.SweepCharts.renderAll(root), plus the data block of one chart. renderAll (re)draws every [data-chart] element
// under root from the JSON block its attribute names, with the SVG renderer; it disposes a chart's previous instance
// (and those whose elements left the page), so a live page may call it after every swap. Writes no chart options.
using System.Text.RegularExpressions;

namespace SweepCluster.Reporting.Charts;

/// <summary>The scripts and data blocks of the charts.</summary>
public static partial class ChartScripts
{
    /// <summary>The attribute that marks a chart's element; its value is the id of the chart's JSON block.</summary>
    public const string ChartAttribute = "data-chart";

    /// <summary>Defines window.SweepCharts once, draws the charts when the document is ready and resizes them with the window.</summary>
    public const string Init = """
        (function () {
          if (window.SweepCharts) return;
          var drawn = [];
          function renderAll(root) {
            if (!window.echarts) return;
            root = root || document;
            drawn = drawn.filter(function (chart) {
              if (chart.isDisposed()) return false;
              if (document.contains(chart.getDom())) return true;
              chart.dispose();
              return false;
            });
            var elements = root.querySelectorAll('[data-chart]');
            for (var i = 0; i < elements.length; i++) {
              var element = elements[i];
              var data = document.getElementById(element.getAttribute('data-chart'));
              if (!data) continue;
              var old = window.echarts.getInstanceByDom(element);
              if (old) old.dispose();
              var chart = window.echarts.init(element, null, { renderer: 'svg' });
              chart.setOption(JSON.parse(data.textContent));
              drawn.push(chart);
            }
          }
          window.addEventListener('resize', function () {
            drawn.forEach(function (chart) { if (!chart.isDisposed()) chart.resize(); });
          });
          window.SweepCharts = { renderAll: renderAll };
          if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { renderAll(document); });
          else renderAll(document);
        })();
        """;

    /// <summary>The head elements: the library (its license comment kept) and <see cref="Init"/>. HTML, not escaped further.</summary>
    public static string HeadElements => LazyHead.Value;

    private static readonly Lazy<string> LazyHead = new(() =>
        $"<!-- {ChartLibrary.Name} {ChartLibrary.Version}, Apache License 2.0, inlined so that the page works offline -->\n" +
        $"<script>\n{ChartLibrary.Script}\n</script>\n<script>\n{Init}\n</script>\n");

    /// <summary>The chart's data block: its ECharts options as JSON, whose encoder escapes '&lt;', '&gt;' and '&amp;'
    /// (so no text in it can close the element).</summary>
    /// <exception cref="ArgumentException">An id other than lower-case letters, digits and '-'.</exception>
    public static string DataBlock(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!IdPattern().IsMatch(chart.Id)) throw new ArgumentException($"chart id '{chart.Id}' is not lower-case letters, digits and '-'", nameof(chart));
        return $"<script type=\"application/json\" id=\"{chart.Id}\">{EChartsOptions.Json(chart)}</script>";
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
