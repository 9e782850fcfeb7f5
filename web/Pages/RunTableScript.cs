// The run table's inline script (no framework, nothing loaded from elsewhere): it fetches one page of trials at a
// time from the section's data-source (sorted by the clicked header, filtered by the status boxes and the text box,
// paged by the buttons), refreshes it while the sweep runs, and plots the ticked trials' curves by writing an ECharts
// option for window.SweepCharts.renderAll (the report's chart library), or says the library is missing. Every value it
// shows goes in as textContent; it never writes HTML. It keeps its section across the live fragment swaps: LiveScript
// announces them, and the section is moved back into the new fragment's slot with its focus restored.
namespace SweepCluster.Web.Pages;

/// <summary>The inline script of the run table.</summary>
internal static class RunTableScript
{
    /// <summary>Fired on document before #live is replaced.</summary>
    public const string SwappingEvent = "sweep:live-swapping";

    /// <summary>Fired on document after #live was replaced.</summary>
    public const string SwappedEvent = "sweep:live-swapped";

    /// <summary>The data-chart id of the selected trials' chart.</summary>
    public const string ChartId = "run-table-chart";

    public const string Js = """
        (function () {
          var root = document.getElementById('run-table');
          if (!root) return;
          var source = root.getAttribute('data-source');
          var period = Number(root.getAttribute('data-refresh-ms'));
          var pageRows = Number(root.getAttribute('data-page-rows'));
          var maxPlotted = Number(root.getAttribute('data-max-plotted'));
          var chartId = 'run-table-chart';
          var typingPauseMs = 250; // the text filter asks once typing pauses this long
          var head = root.querySelector('#run-head');
          var body = root.querySelector('#run-body');
          var count = root.querySelector('#run-count');
          var message = root.querySelector('#run-message');
          var prev = root.querySelector('#run-prev');
          var next = root.querySelector('#run-next');
          var filter = root.querySelector('#run-filter');
          var area = root.querySelector('#run-chart-area');
          var note = root.querySelector('#run-chart-note');
          var state = { sort: 'trial', order: 'asc', offset: 0, q: '' };
          var selected = [];
          var histories = {};
          var lastPage = null, lastChart = null, lastLayout = null, rowsByTrial = {}, loading = false, again = false, timer = null, typing = null, focus = null;
          var terminal = { completed: 1, diverged: 1, failed: 1, cancelled: 1, pruned: 1 };

          function final() {
            var progress = document.getElementById('progress');
            return progress !== null && progress.getAttribute('data-final') === 'true';
          }
          function statuses() {
            var boxes = root.querySelectorAll('#run-statuses input:checked'), names = [];
            for (var i = 0; i < boxes.length; i++) names.push(boxes[i].value);
            return names;
          }
          function url() {
            var parts = ['offset=' + state.offset, 'limit=' + pageRows, 'sort=' + encodeURIComponent(state.sort), 'order=' + state.order];
            var names = statuses();
            if (names.length > 0) parts.push('status=' + encodeURIComponent(names.join(',')));
            if (state.q) parts.push('q=' + encodeURIComponent(state.q));
            return source + '?' + parts.join('&');
          }
          function number(value, digits) {
            if (value === null || value === undefined) return '\u2014';
            if (typeof value !== 'number') return String(value);
            if (Number.isInteger(value)) return String(value);
            return Number(value.toPrecision(digits || 4)).toString();
          }
          function cell(row, text, className) {
            var td = document.createElement('td');
            td.textContent = text;
            if (className) td.className = className;
            row.appendChild(td);
            return td;
          }
          // The hyperparameter columns worth a column here: those with a value on this page that differs between its
          // rows, and the one sorted by.
          function shownColumns(page) {
            var shown = [];
            page.columns.forEach(function (column, i) {
              var seen = {}, distinct = 0, present = false;
              page.rows.forEach(function (row) {
                var value = row.values[i];
                if (value === null || value === undefined) return;
                present = true;
                if (!seen[String(value)]) { seen[String(value)] = true; distinct++; }
              });
              if (column.name === state.sort || (present && distinct > 1)) shown.push({ name: column.name, index: i, type: column.type });
            });
            return shown;
          }
          function header(page, columns) {
            while (head.firstChild) head.removeChild(head.firstChild);
            var plot = document.createElement('th');
            plot.textContent = 'plot';
            head.appendChild(plot);
            var all = [{ label: 'trial', sort: 'trial' }, { label: 'status', sort: 'status' }];
            columns.forEach(function (c) { all.push({ label: c.name, sort: c.name, numeric: c.type !== 'text' }); });
            all.push({ label: 'epoch', sort: 'epochs_run', numeric: true, title: 'the newest epoch recorded (sorts by epochs run)' });
            all.push({ label: page.metric, sort: 'final_metric', numeric: true, title: 'the metric at the newest epoch (sorts by the last reported metric)' });
            all.push({ label: 'best', sort: 'best_metric', numeric: true });
            all.push({ label: 'wall s', sort: 'wall_seconds', numeric: true });
            all.forEach(function (c) {
              var th = document.createElement('th');
              th.setAttribute('data-sort', c.sort);
              th.className = 'sortable' + (c.numeric ? ' num' : '');
              if (c.title) th.title = c.title;
              var arrow = state.sort === c.sort ? (state.order === 'asc' ? ' \u25b2' : ' \u25bc') : '';
              th.textContent = c.label + arrow;
              if (state.sort === c.sort) th.setAttribute('aria-sort', state.order === 'asc' ? 'ascending' : 'descending');
              head.appendChild(th);
            });
          }
          // The header and the rows are built again only when the columns or the sort change; a refresh otherwise
          // updates the rows in place (keyed by trial), so a click or a tick that lands while the table refreshes
          // reaches the element it started on.
          function render(page) {
            lastPage = page;
            var columns = shownColumns(page);
            var layout = JSON.stringify([page.metric, state.sort, state.order, columns.map(function (c) { return [c.name, c.index, c.type]; })]);
            if (layout !== lastLayout) {
              lastLayout = layout;
              header(page, columns);
              while (body.firstChild) body.removeChild(body.firstChild);
              rowsByTrial = {};
            }
            var kept = {};
            page.rows.forEach(function (trial, i) {
              var tr = rowsByTrial[trial.trial] || newRow(trial.trial, columns);
              fillRow(tr, trial, columns);
              kept[trial.trial] = tr;
              var at = body.children[i] || null;
              if (at !== tr) body.insertBefore(tr, at);
            });
            Object.keys(rowsByTrial).forEach(function (key) {
              if (!kept[key] && rowsByTrial[key].parentNode === body) body.removeChild(rowsByTrial[key]);
            });
            rowsByTrial = kept;
            var from = page.filtered === 0 ? 0 : page.offset + 1, to = page.offset + page.rows.length;
            count.textContent = 'trials ' + from + '\u2013' + to + ' of ' + page.filtered +
              (page.filtered !== page.total ? ' (' + page.total + ' in the sweep)' : '');
            prev.disabled = page.offset === 0;
            next.disabled = page.offset + page.rows.length >= page.filtered;
            message.textContent = page.total === 0 ? 'No trial is in the store yet.' : page.filtered === 0 ? 'No trial matches these filters.' : '';
          }
          // A row's cells, in order: the plot box, trial, status, the shown hyperparameters, epoch, metric, best, wall s.
          function newRow(index, columns) {
            var tr = document.createElement('tr');
            tr.setAttribute('data-trial', String(index));
            var pick = document.createElement('input');
            pick.type = 'checkbox';
            pick.setAttribute('data-trial', String(index));
            pick.setAttribute('aria-label', 'plot trial ' + index);
            var first = document.createElement('td');
            first.appendChild(pick);
            tr.appendChild(first);
            cell(tr, String(index), 'num');
            cell(tr, '').appendChild(document.createElement('span'));
            columns.forEach(function (c) { cell(tr, '', c.type !== 'text' ? 'num' : '').setAttribute('data-col', c.name); });
            cell(tr, '', 'num').setAttribute('data-col', 'epoch');
            cell(tr, '', 'num').setAttribute('data-col', 'metric');
            cell(tr, '', 'num').setAttribute('data-col', 'best_metric');
            cell(tr, '', 'num').setAttribute('data-col', 'wall_seconds');
            return tr;
          }
          function fillRow(tr, trial, columns) {
            var cells = tr.children, at = 3;
            if (tr.getAttribute('data-status') !== trial.status) tr.setAttribute('data-status', trial.status);
            var pick = cells[0].firstChild, ticked = selected.indexOf(trial.trial) >= 0;
            if (pick.checked !== ticked) pick.checked = ticked;
            var badge = cells[2].firstChild;
            setText(badge, trial.status);
            if (badge.className !== 'badge ' + trial.status) badge.className = 'badge ' + trial.status;
            columns.forEach(function (c) { setText(cells[at++], number(trial.values[c.index])); });
            setText(cells[at++], trial.latestEpoch === null ? '\u2014' : String(trial.latestEpoch));
            setText(cells[at++], number(trial.latestMetric !== null ? trial.latestMetric : trial.finalMetric));
            setText(cells[at++], number(trial.bestMetric));
            setText(cells[at], trial.wallSeconds === null ? '\u2014' : trial.wallSeconds.toFixed(1));
          }
          function setText(element, text) {
            if (element.textContent !== text) element.textContent = text;
          }
          function load() {
            if (loading) { again = true; return; }
            loading = true;
            fetch(url(), { cache: 'no-store', credentials: 'same-origin' })
              .then(function (response) {
                return response.json().then(function (json) {
                  if (!response.ok) throw new Error(json && json.error ? json.error : 'HTTP ' + response.status);
                  return json;
                });
              })
              .then(function (page) { render(page); return plot(); })
              .catch(function (error) { message.textContent = 'The trials could not be read: ' + error.message; })
              .then(function () {
                loading = false;
                if (again) { again = false; load(); }
              });
          }
          function schedule() {
            if (timer !== null) clearTimeout(timer);
            timer = setTimeout(function () {
              timer = null;
              var wasFinal = final();
              load();
              if (!wasFinal) schedule();
            }, period);
          }
          function statusOf(trial) {
            if (!lastPage) return null;
            for (var i = 0; i < lastPage.rows.length; i++) if (lastPage.rows[i].trial === trial) return lastPage.rows[i].status;
            return null;
          }
          // The histories of the ticked trials: fetched again while a trial may still grow, kept once it has ended. Only
          // the latest plot draws: an earlier one whose fetches finish later (a tick before the last) is dropped.
          var plotGeneration = 0;
          function plot() {
            var generation = ++plotGeneration;
            var wanted = selected.slice(0, maxPlotted);
            return Promise.all(wanted.map(function (trial) {
              var known = histories[trial];
              if (known && known.ended) return Promise.resolve(known.history);
              return fetch(source + '/' + trial + '/history', { cache: 'no-store', credentials: 'same-origin' })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (history) {
                  if (history) histories[trial] = { history: history, ended: terminal[statusOf(trial)] === 1 || final() };
                  return history;
                });
            })).then(function (list) {
              if (generation === plotGeneration) draw(list.filter(function (h) { return h !== null; }));
            });
          }
          function draw(list) {
            var metric = lastPage ? lastPage.metric : 'metric';
            var option = {
              animation: false,
              title: { text: metric + ' by epoch', left: 'center', textStyle: { fontSize: 13 } },
              tooltip: { trigger: 'axis' },
              legend: { top: 22 },
              grid: { top: 60, left: 55, right: 20, bottom: 40 },
              xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
              yAxis: { type: 'value', name: metric, scale: true },
              series: list.map(function (history) {
                return {
                  type: 'line', name: 'trial ' + history.trial, showSymbol: false,
                  data: history.epochs.filter(function (p) { return p.metric !== null; }).map(function (p) { return [p.epoch, p.metric]; })
                };
              })
            };
            var text = JSON.stringify(option);
            area.setAttribute('data-series', String(list.length));
            if (list.length === 0) {
              clearChart();
              note.textContent = 'Tick up to ' + maxPlotted + ' trials to plot their learning curves.';
              return;
            }
            var names = list.map(function (h) { return h.trial; }).join(', ');
            if (!window.SweepCharts || typeof window.SweepCharts.renderAll !== 'function') {
              writeChart(text);
              area.querySelector('[data-chart]').hidden = true;
              note.textContent = 'The chart library is not on this page yet, so the curves of trials ' + names + ' are not drawn; the table works as usual.';
              return;
            }
            note.textContent = selected.length > maxPlotted ? 'Plotting the first ' + maxPlotted + ' ticked trials.' : '';
            if (text === lastChart) return;
            writeChart(text);
            window.SweepCharts.renderAll(area);
          }
          function clearChart() {
            var old = area.querySelector('[data-chart]');
            if (old && window.echarts && window.echarts.getInstanceByDom) {
              var instance = window.echarts.getInstanceByDom(old);
              if (instance) instance.dispose();
            }
            while (area.firstChild) area.removeChild(area.firstChild);
            lastChart = null;
          }
          function writeChart(text) {
            clearChart();
            var chart = document.createElement('div');
            chart.className = 'chart';
            chart.setAttribute('data-chart', chartId);
            var json = document.createElement('script');
            json.type = 'application/json';
            json.id = chartId;
            json.textContent = text;
            area.appendChild(chart);
            area.appendChild(json);
            lastChart = text;
          }

          head.addEventListener('click', function (event) {
            var th = event.target.closest('th[data-sort]');
            if (!th) return;
            var column = th.getAttribute('data-sort');
            state.order = state.sort === column && state.order === 'asc' ? 'desc' : 'asc';
            state.sort = column;
            state.offset = 0;
            load();
          });
          body.addEventListener('change', function (event) {
            var box = event.target;
            if (!box.matches('input[type=checkbox][data-trial]')) return;
            var trial = Number(box.getAttribute('data-trial'));
            var at = selected.indexOf(trial);
            if (box.checked && at < 0) selected.push(trial);
            if (!box.checked && at >= 0) selected.splice(at, 1);
            plot();
          });
          root.querySelector('#run-statuses').addEventListener('change', function () { state.offset = 0; load(); });
          filter.addEventListener('input', function () {
            if (typing !== null) clearTimeout(typing);
            typing = setTimeout(function () { typing = null; state.q = filter.value.trim(); state.offset = 0; load(); }, typingPauseMs);
          });
          prev.addEventListener('click', function () { state.offset = Math.max(0, state.offset - pageRows); load(); });
          next.addEventListener('click', function () { state.offset += pageRows; load(); });

          // Kept across the live swaps: moved into the new fragment's slot, with the focused control focused again.
          function attach() {
            var slot = document.getElementById('run-table-slot');
            if (slot && root.parentNode !== slot) slot.appendChild(root);
          }
          document.addEventListener('sweep:live-swapping', function () {
            var active = document.activeElement;
            focus = active && root.contains(active)
              ? { element: active, start: active.selectionStart, end: active.selectionEnd } : null;
          });
          document.addEventListener('sweep:live-swapped', function () {
            attach();
            if (focus) {
              focus.element.focus();
              if (typeof focus.start === 'number' && focus.element.setSelectionRange) focus.element.setSelectionRange(focus.start, focus.end);
              focus = null;
            }
          });
          attach();
          load();
          if (!final()) schedule();
        })();
        """;
}
