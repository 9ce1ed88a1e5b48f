// Draw the labour market charts with the locally served plotly.js (basic bundle). Each chart's
// data is in a JSON script tag (no inline scripts, so the site's CSP stays 'self'); the table under
// each chart holds the same figures for people who cannot use the chart.
//
// Speed: charts in view are drawn first, the rest one at a time when the browser is idle, so
// the page answers while they draw. When the last one is drawn the page fires
// `app:charts-drawn` on document (and sets data-charts-drawn on <body>).
(function () {
  'use strict';

  var BLACK = '#0b0c0c';
  var BLUE = '#1d70b8';
  var GREY = '#505a5f';
  var MID_GREY = '#b1b4b6';
  var LIGHT_GREY = '#f3f2f1';
  // Second and later lines are dark grey and dashed, so they differ in more than colour.
  var LINE_STYLES = [
    { color: BLUE, width: 3, dash: 'solid' },
    { color: GREY, width: 2, dash: 'dash' },
    { color: BLACK, width: 2, dash: 'dot' }
  ];
  var FONT = { family: 'arial, sans-serif', size: 16, color: BLACK };
  // Nothing on a chart may send it off the machine: no Plotly logo link, no "edit in Chart
  // Studio" or send-to-cloud button. The PNG download stays: it is made in the browser.
  var CONFIG = {
    responsive: true,
    displaylogo: false,
    showLink: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    modeBarButtonsToRemove: [
      'sendDataToCloud', 'sendChartToCloud', 'editInChartStudio',
      'select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'
    ],
    toImageButtonOptions: { format: 'png', scale: 2 }
  };
  var MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var MONTH_NAME = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  function axis(extra) {
    var base = {
      gridcolor: LIGHT_GREY,
      linecolor: MID_GREY,
      zeroline: false,
      automargin: true,
      tickfont: { size: 14 }
    };
    return Object.assign(base, extra);
  }

  function pad(number) {
    return (number < 10 ? '0' : '') + number;
  }

  // The period labels ONS uses, as period_label in the domain writes them for the tables:
  // "Feb-Apr 2026" for a three-month average, "Nov 2025-Jan 2026" across a year, "June 2026".
  function periodLabel(year, month, covers) {
    if (covers === 1) {
      return MONTH_NAME[month] + ' ' + year;
    }
    var startMonth = month - (covers - 1);
    var startYear = year;
    if (startMonth < 0) {
      startMonth += 12;
      startYear -= 1;
    }
    if (startYear !== year) {
      return MONTH_ABBR[startMonth] + ' ' + startYear + '-' + MONTH_ABBR[month] + ' ' + year;
    }
    return MONTH_ABBR[startMonth] + '-' + MONTH_ABBR[month] + ' ' + year;
  }

  // Dates and labels for a line from its first period and step (the page carries only values).
  function expand(line) {
    var year = Number(line.first.slice(0, 4));
    var month = Number(line.first.slice(5, 7)) - 1;
    var x = [];
    var period = [];
    for (var index = 0; index < line.y.length; index += 1) {
      x.push(year + '-' + pad(month + 1) + '-01');
      period.push(periodLabel(year, month, line.covers));
      month += line.step;
      year += Math.floor(month / 12);
      month %= 12;
    }
    line.x = x;
    line.period = period;
    return line;
  }

  // Fit the value axis to the years on show: with a range slider plotly keeps it fitted to the
  // whole history, which flattens the recent years the chart opens on.
  function valueRange(spec, start, end) {
    var low = Infinity;
    var high = -Infinity;
    spec.lines.forEach(function (line) {
      line.x.forEach(function (x, index) {
        var y = line.y[index];
        if (y !== null && (!start || x >= start) && (!end || x <= end)) {
          low = Math.min(low, y);
          high = Math.max(high, y);
        }
      });
    });
    if (low === Infinity) {
      return null;
    }
    // A minimum span keeps small moves (a rate up 0.1 points) from filling the whole chart.
    var minimum = spec.percent ? 2 : Math.abs(high) * 0.04;
    if (high - low < minimum) {
      var middle = (high + low) / 2;
      low = middle - minimum / 2;
      high = middle + minimum / 2;
    }
    var margin = (high - low) * 0.1;
    return [low - margin, high + margin];
  }

  function fitValues(element, spec) {
    element.on('plotly_relayout', function (event) {
      var changed = Object.keys(event).some(function (key) { return key.indexOf('xaxis') === 0; });
      if (!changed) {
        return;
      }
      var range = element.layout.xaxis.range || [];
      var shown = valueRange(spec, String(range[0] || '').slice(0, 10), String(range[1] || ''));
      if (shown) {
        Plotly.relayout(element, { 'yaxis.range': shown });
      }
    });
  }

  function timeChart(element, spec) {
    spec.lines.forEach(expand);
    spec.start += '-01';
    spec.end += '-01';
    var traces = spec.lines.map(function (line, index) {
      return {
        type: 'scatter',
        mode: 'lines',
        name: line.name,
        x: line.x,
        y: line.y,
        text: line.text,
        customdata: line.period,
        line: LINE_STYLES[index % LINE_STYLES.length],
        hovertemplate: '<b>%{customdata}</b><br>%{fullData.name}: %{text}<extra></extra>'
      };
    });
    var layout = {
      font: FONT,
      height: spec.height,
      margin: { t: 16, r: 16, b: 8, l: 8 },
      hovermode: 'closest',
      hoverlabel: { font: { family: FONT.family, size: 15 } },
      showlegend: spec.lines.length > 1,
      legend: { orientation: 'h', x: 0, y: 1.12 },
      xaxis: axis({
        type: 'date',
        range: [spec.start, spec.end],
        rangeslider: {
          visible: true,
          thickness: 0.08,
          bgcolor: LIGHT_GREY,
          yaxis: { rangemode: 'auto' }
        },
        hoverformat: '%b %Y'
      }),
      yaxis: axis({
        title: { text: spec.axis, font: { size: 14 } },
        ticksuffix: spec.percent ? '%' : '',
        tickformat: spec.percent ? '' : ',',
        range: valueRange(spec, spec.start, spec.end)
      })
    };
    return Plotly.newPlot(element, traces, layout, CONFIG).then(function () {
      fitValues(element, spec);
      wireRangeButtons(element, spec);
    });
  }

  function barChart(element, spec) {
    var trace = {
      type: 'bar',
      orientation: 'h',
      x: spec.values,
      y: spec.labels,
      text: spec.text,
      textposition: 'outside',
      cliponaxis: false,
      marker: {
        color: spec.highlight.map(function (isTotal) { return isTotal ? GREY : BLUE; })
      },
      hovertemplate: '<b>%{y}</b><br>' + spec.period + ': %{text}<extra></extra>'
    };
    var layout = {
      font: FONT,
      height: spec.height,
      margin: { t: 8, r: 72, b: 8, l: 8 },
      bargap: 0.25,
      xaxis: axis({
        title: { text: spec.axis + ', ' + spec.period, font: { size: 14 } },
        ticksuffix: spec.percent ? '%' : '',
        tickformat: spec.percent ? '' : ',',
        rangemode: 'tozero'
      }),
      yaxis: axis({ autorange: 'reversed', gridcolor: 'rgba(0,0,0,0)' })
    };
    return Plotly.newPlot(element, [trace], layout, CONFIG);
  }

  function yearsBefore(isoDate, years) {
    var day = new Date(isoDate + 'T00:00:00Z');
    day.setUTCFullYear(day.getUTCFullYear() - years);
    return day.toISOString().slice(0, 10);
  }

  // Keyboard-usable range choice: plotly's own range selector is not reachable by keyboard.
  function wireRangeButtons(element, spec) {
    var group = element.closest('.app-chart-block').querySelector('.app-chart-range');
    if (!group) {
      return;
    }
    var buttons = group.querySelectorAll('button[data-range]');
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        var choice = button.getAttribute('data-range');
        var update = choice === 'all'
          ? { 'xaxis.autorange': true }
          : { 'xaxis.range': [yearsBefore(spec.end, Number(choice)), spec.end] };
        Plotly.relayout(element, update);
        buttons.forEach(function (other) {
          other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
        });
      });
    });
    group.hidden = false;
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute('data-chart'));
    if (!source) {
      return Promise.resolve();
    }
    var spec = JSON.parse(source.textContent);
    element.innerHTML = '';
    var drawn = spec.kind === 'bar' ? barChart(element, spec) : timeChart(element, spec);
    return drawn.then(function () {
      element.setAttribute('data-drawn', 'true');
    });
  }

  // ---- the queue: charts in view first, then the rest when idle ---------------------------------

  var queue = [];
  var drawing = false;
  var whenIdle = window.requestIdleCallback
    ? function (task) { window.requestIdleCallback(task, { timeout: 100 }); }
    : function (task) { window.setTimeout(task, 0); };
  var watcher = 'IntersectionObserver' in window
    ? new IntersectionObserver(function (entries) {
      var seen = entries.filter(function (entry) { return entry.isIntersecting; });
      seen.forEach(function (entry) { moveToFront(entry.target); });
    }, { rootMargin: '200px 0px' })
    : null;

  function moveToFront(element) {
    var at = queue.indexOf(element);
    if (at > 0) {
      queue.splice(at, 1);
      queue.unshift(element);
    }
  }

  function finished() {
    document.body.setAttribute('data-charts-drawn', 'true');
    document.dispatchEvent(new CustomEvent('app:charts-drawn', {
      detail: { charts: document.querySelectorAll('.app-chart[data-drawn=true]').length }
    }));
  }

  function next() {
    var element = queue.shift();
    if (!element) {
      drawing = false;
      finished();
      return;
    }
    if (watcher) {
      watcher.unobserve(element);
    }
    draw(element).then(function () { whenIdle(next); }, function () { whenIdle(next); });
  }

  function drawAll(elements) {
    document.body.removeAttribute('data-charts-drawn');
    elements.forEach(function (element) {
      queue.push(element);
      if (watcher) {
        watcher.observe(element);
      }
    });
    if (!drawing) {
      drawing = true;
      // The observer reports what is in view before the first idle moment, so those go first.
      whenIdle(next);
    }
  }

  // ---- one region or nation: fetch its charts and swap them in, without a reload --------------

  function wireAreaForm() {
    var form = document.querySelector('form[data-area-charts]');
    var holder = document.getElementById('area-charts');
    var status = document.getElementById('area-status');
    if (!form || !holder || !window.fetch || !window.history.pushState) {
      return;
    }
    var select = form.querySelector('select[name=area]');

    function show(code, remember) {
      var address = form.getAttribute('data-area-charts').replace('AREA', encodeURIComponent(code));
      holder.setAttribute('aria-busy', 'true');
      return fetch(address, { headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (found) {
          holder.innerHTML = found.html;
          holder.removeAttribute('aria-busy');
          select.value = found.code;
          status.textContent = 'Showing ' + found.name + '.';
          if (remember) {
            var url = new URL(window.location.href);
            url.searchParams.set('area', found.code);
            url.hash = 'one-area';
            window.history.pushState({ area: found.code }, '', url.toString());
          }
          drawAll(Array.prototype.slice.call(holder.querySelectorAll('.app-chart[data-chart]')));
        });
    }

    form.addEventListener('submit', function (event) {
      // A page that shows an error summary reloads, so the summary goes with the error.
      if (document.querySelector('.govuk-error-summary')) {
        return;
      }
      event.preventDefault();
      show(select.value, true).catch(function () { form.submit(); });
    });
    window.addEventListener('popstate', function () {
      var code = new URL(window.location.href).searchParams.get('area') || select.options[0].value;
      show(code, false).catch(function () { window.location.reload(); });
    });
  }

  if (typeof Plotly === 'undefined') {
    return;
  }
  wireAreaForm();
  drawAll(Array.prototype.slice.call(document.querySelectorAll('.app-chart[data-chart]')));
})();
