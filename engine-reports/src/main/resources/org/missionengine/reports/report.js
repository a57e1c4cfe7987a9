// Draws the HTML report's charts with Apache ECharts (inlined above) from the JSON block #chart-data, which maps
// each element's data-chart id to its data. Tooltips use ECharts' rich-text mode, which never parses HTML.
(function () {
  'use strict';
  var C = { observed: '#0969da', before: '#8c959f', trend: '#0969da', bau: '#8c959f', goal: '#1a7f37',
            baseline: '#57606a', asOf: '#cf222e', launch: '#8250df', plain: '#8c959f', dynamic: '#1a7f37' };
  var data = JSON.parse(document.getElementById('chart-data').textContent);

  function time(day) { return new Date(day + 'T00:00:00').getTime(); }
  function pt(p) { return [time(p[0]), p[1]]; }

  function num(v) {
    if (v === null || v === undefined) { return 'n/a'; }
    var a = Math.abs(v);
    if (a >= 1e9) { return (v / 1e9).toFixed(a >= 1e10 ? 0 : 1) + 'G'; }
    if (a >= 1e6) { return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M'; }
    if (a >= 1e4) { return (v / 1e3).toFixed(0) + 'k'; }
    if (a >= 100 || a === 0) { return String(Math.round(v)); }
    return String(+v.toPrecision(3));
  }

  function base() {
    return { animation: false, aria: { enabled: true },
             tooltip: { trigger: 'item', renderMode: 'richText', confine: true },
             textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' } };
  }

  function target(s) {
    var o = base();
    // a yes/no metric reads no and yes, not 0 and 1 (its axis names only those two)
    function value(v) { return s.yesNo ? (v === 1 ? 'yes' : v === 0 ? 'no' : '') : num(v); }
    var series = [], legend = [];
    var dates = [s.asOf];
    function add(name, item, points) {
      (points || []).forEach(function (p) { dates.push(p[0]); });
      item.name = name;
      series.push(item);
      if (legend.indexOf(name) < 0) { legend.push(name); }
    }
    var launched = s.launched !== null;
    if (s.before.length) {
      add('Observed before launch', { type: 'scatter', symbolSize: 6, data: s.before.map(pt),
        itemStyle: { color: C.before } }, s.before);
    }
    if (s.since.length) {
      add(launched ? 'Observed since launch' : 'Observed', { type: 'scatter', symbolSize: 7, data: s.since.map(pt),
        itemStyle: { color: C.observed } }, s.since);
    }
    if (s.trend) {
      // the trend starts where the engine's does: at the launch, or at the target's baseline when that is later
      var from = s.trend[0][0];
      var name = launched && from === s.launched ? 'Trend since launch'
        : s.baseline && from === s.baseline[0] ? 'Trend since baseline' : 'Trend';
      add(name, { type: 'line', showSymbol: false, data: s.trend.map(pt),
        lineStyle: { color: C.trend, width: 2 }, itemStyle: { color: C.trend } }, s.trend);
    }
    if (s.bau) {
      add('Business as usual', { type: 'line', showSymbol: false, data: s.bau.map(pt),
        lineStyle: { color: C.bau, width: 2, type: 'dashed' }, itemStyle: { color: C.bau } }, s.bau);
    }
    if (s.baseline) {
      add('Baseline', { type: 'scatter', symbol: 'rect', symbolSize: 9, data: [pt(s.baseline)],
        itemStyle: { color: C.baseline } }, [s.baseline]);
    }
    if (s.goal) {
      add('Goal', { type: 'scatter', symbol: 'diamond', symbolSize: 15, data: [pt(s.goal)], z: 5,
        itemStyle: { color: C.goal },
        label: { show: true, position: 'top', formatter: 'goal ' + value(s.goal[1]), color: C.goal, fontWeight: 'bold' },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: C.goal, type: 'dotted', width: 1.5 },
          label: { show: false }, data: [{ yAxis: s.goal[1] }] } }, [s.goal]);
    }
    // the vertical markers ride on a series without points of its own, left out of the legend
    var markers = [{ xAxis: time(s.asOf), lineStyle: { color: C.asOf },
      label: { formatter: 'as of ' + s.asOf, color: C.asOf, position: 'insideEndTop' } }];
    if (launched) {
      dates.push(s.launched);
      markers.push({ xAxis: time(s.launched), lineStyle: { color: C.launch },
        label: { formatter: 'launch', color: C.launch, position: 'insideStartTop' } });
    }
    series.push({ name: 'markers', type: 'line', data: [], silent: true,
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'solid', width: 1 }, data: markers } });

    var times = dates.map(time);
    var min = Math.min.apply(null, times), max = Math.max.apply(null, times);
    var pad = Math.max((max - min) * 0.04, 180 * 864e5);
    o.legend = { data: legend, bottom: 0, itemWidth: 14, itemHeight: 9, textStyle: { fontSize: 11 } };
    o.grid = { left: 56, right: 18, top: 22, bottom: legend.length > 3 ? 56 : 38 };
    o.xAxis = { type: 'time', min: min - pad, max: max + pad, splitLine: { show: false },
      axisLabel: { formatter: '{yyyy}', hideOverlap: true } };
    // a margin above and below the data, so that a goal or point on the edge is not cut in half
    o.yAxis = s.yesNo
      ? { type: 'value', min: -0.25, max: 1.25, interval: 0.25, axisLabel: { formatter: value } }
      : { type: 'value', scale: true, boundaryGap: ['8%', '8%'], name: s.unit, nameGap: 8,
          nameTextStyle: { align: 'left', color: '#59636e' }, axisLabel: { formatter: value } };
    o.series = series;
    return o;
  }

  function criteria(s) {
    var o = base();
    o.grid = { left: 140, right: 48, top: 6, bottom: 24 };
    o.xAxis = { type: 'value', min: 0, max: 1, interval: 0.25, axisLabel: { formatter: num } };
    o.yAxis = { type: 'category', inverse: true, data: s.labels, axisTick: { show: false } };
    o.series = [{ name: 'Score', type: 'bar', barWidth: '60%',
      data: s.scores.map(function (v) {
        var color = v === null ? '#d0d7de' : v >= 0.75 ? C.goal : v >= 0.5 ? '#d4a72c' : '#cf222e';
        return { value: v, itemStyle: { color: color } };
      }),
      label: { show: true, position: 'right', formatter: function (p) {
        return p.value === null || p.value === undefined ? 'n/a' : p.value.toFixed(2); } } }];
    return o;
  }

  function value(s, el) {
    var o = base();
    el.style.height = (84 + 46 * s.projects.length) + 'px';
    var label = { show: true, position: 'right', fontSize: 11, formatter: function (p) { return num(p.value); } };
    o.legend = { data: ['Plain benefit-cost ratio', 'Dynamic benefit-cost ratio'], bottom: 0,
      textStyle: { fontSize: 11 } };
    o.grid = { left: 170, right: 48, top: 22, bottom: 44 };
    // room right of the break-even line at 1 for its label and the bars' values
    o.xAxis = { type: 'value', min: 0, max: function (v) { return Math.ceil(Math.max(v.max, 1) * 12) / 10; },
      axisLabel: { formatter: num } };
    o.yAxis = { type: 'category', inverse: true, data: s.projects, axisLabel: { width: 160, overflow: 'truncate' } };
    o.series = [
      { name: 'Plain benefit-cost ratio', type: 'bar', data: s.plain, itemStyle: { color: C.plain }, label: label,
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#cf222e', type: 'dashed' },
          label: { formatter: 'break-even', position: 'start', fontSize: 10 }, data: [{ xAxis: 1 }] } },
      { name: 'Dynamic benefit-cost ratio', type: 'bar', data: s.dynamic, itemStyle: { color: C.dynamic },
        label: label }];
    return o;
  }

  var kinds = { target: target, criteria: criteria, value: value };
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    var spec = data[el.getAttribute('data-chart')];
    if (!spec || !kinds[spec.kind]) { return; }
    var option = kinds[spec.kind](spec, el);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
