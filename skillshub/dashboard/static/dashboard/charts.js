// Draw the labour market charts with the locally served plotly.js. Each chart's data is in a
// JSON script tag (no inline scripts, so the site's CSP stays 'self'); the table under each chart
// holds the same figures for people who cannot use the chart.
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
  var CONFIG = {
    responsive: true,
    displaylogo: false,
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
    toImageButtonOptions: { format: 'png', scale: 2 }
  };

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

  // Fit the value axis to the years on show: with a range slider plotly keeps it fitted to the
  // whole history, which flattens the recent years the chart opens on.
  function valueRange(spec, start, end) {
    var low = Infinity;
    var high = -Infinity;
    spec.lines.forEach(function (line) {
      line.x.forEach(function (x, index) {
        if ((!start || x >= start) && (!end || x <= end)) {
          low = Math.min(low, line.y[index]);
          high = Math.max(high, line.y[index]);
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
    var pad = (high - low) * 0.1;
    return [low - pad, high + pad];
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
      height: 420,
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
      height: 80 + 30 * spec.labels.length,
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
    if (!source || typeof Plotly === 'undefined') {
      return;
    }
    var spec = JSON.parse(source.textContent);
    element.innerHTML = '';
    var drawn = spec.kind === 'bar' ? barChart(element, spec) : timeChart(element, spec);
    drawn.then(function () {
      element.setAttribute('data-drawn', 'true');
    });
    if (spec.kind === 'time') {
      wireRangeButtons(element, spec);
    }
  }

  document.querySelectorAll('.app-chart[data-chart]').forEach(draw);
})();
