// The pages' live script: every few seconds it fetches the page's live fragment and swaps it into #live when it
// changed (no reload, no flicker, the scroll position kept), and stops once the fragment says it is final. Around a
// swap it fires sweep:live-swapping and sweep:live-swapped on document (the run table moves itself back in) and has
// the report's charts drawn again (window.SweepCharts.renderAll, when the page has it). Inline, loaded from nowhere.
namespace SweepCluster.Web.Pages;

/// <summary>The inline script that keeps a page's #live element up to date.</summary>
internal static class LiveScript
{
    /// <summary>The id of the element the script refreshes; its data-source and data-refresh-ms drive it.</summary>
    public const string LiveElementId = "live";

    /// <summary>The attribute a fragment carries on its root element once it will not change any more.</summary>
    public const string FinalAttribute = "data-final";

    public const string Js = """
        (function () {
          var live = document.getElementById('live');
          var status = document.getElementById('live-status');
          var period = Number(live.getAttribute('data-refresh-ms'));
          var source = live.getAttribute('data-source');
          var last = null;
          function isFinal() { return live.querySelector('[data-final="true"]') !== null; }
          function say(text) { if (status) status.textContent = text; }
          function tick() {
            fetch(source, { cache: 'no-store', credentials: 'same-origin' })
              .then(function (response) {
                if (!response.ok) throw new Error('HTTP ' + response.status);
                return response.text();
              })
              .then(function (html) {
                if (html !== last) {
                  document.dispatchEvent(new CustomEvent('sweep:live-swapping'));
                  live.innerHTML = html;
                  last = html;
                  if (window.SweepCharts && typeof window.SweepCharts.renderAll === 'function') window.SweepCharts.renderAll(live);
                  document.dispatchEvent(new CustomEvent('sweep:live-swapped'));
                }
                say(isFinal() ? 'final' : 'live \u00b7 updated ' + new Date().toLocaleTimeString());
              })
              .catch(function (error) { say('not updating: ' + error.message + ' (retrying)'); })
              .then(function () { if (!isFinal()) setTimeout(tick, period); });
          }
          if (!isFinal()) setTimeout(tick, period); else say('final');
        })();
        """;
}
