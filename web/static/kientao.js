// kientao's own few lines of script: the CSRF header on htmx requests and confirmation of destructive forms.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) e.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  });
  document.addEventListener('submit', function (e) {
    var form = e.target.closest('form[data-confirm]');
    if (form && !window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
  });
  // A period selector submits its form when changed.
  document.addEventListener('change', function (e) {
    if (e.target.matches('select[data-autosubmit]')) e.target.form.submit();
  });
  // Charts: a bar per indicator (value against target) from the JSON in data-kt-chart; the same
  // numbers are in the table beside each chart.
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) return;
    document.querySelectorAll('[data-kt-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-kt-chart'));
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
        legend: { data: [data.valueLabel, data.targetLabel], top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: data.names, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
        series: [
          { name: data.valueLabel, type: 'bar', data: data.values, label: { show: true, position: 'right', formatter: '{c}%' } },
          { name: data.targetLabel, type: 'scatter', symbol: 'rect', symbolSize: [3, 18], data: data.targets }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  });
})();
