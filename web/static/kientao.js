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
  // A print button (data-kt-print): the browser's print dialog (no inline handlers under the CSP).
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-kt-print]')) window.print();
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
        grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
        legend: { data: [data.valueLabel, data.targetLabel], top: 0 },
        tooltip: { show: false },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        // Names wrap onto further lines instead of being cut.
        yAxis: { type: 'category', data: data.names, inverse: true,
                 axisLabel: { width: 170, overflow: 'break', lineHeight: 14 } },
        series: [
          // The value written as the cards and the table write it (77,4%), inside the bar's end so
          // it never sits on the target mark; a short bar has it just after its end.
          { name: data.valueLabel, type: 'bar', barWidth: 16, z: 2, itemStyle: { color: '#0b5ed7' },
            data: data.values.map(function (v) {
              return { value: v, label: { position: v !== null && v >= 25 ? 'insideRight' : 'right',
                                          color: v !== null && v >= 25 ? '#ffffff' : '#212529' } };
            }),
            label: { show: true, fontWeight: 'bold',
                     formatter: function (p) { return data.valueTexts[p.dataIndex]; } } },
          { name: data.targetLabel, type: 'scatter', symbol: 'rect', symbolSize: [3, 24], z: 1,
            itemStyle: { color: '#842029' }, data: data.targets }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
    // Trends: a line per rate over the months, from the JSON in data-kt-trend ({labels, series:
    // [{name, data}]}); the same numbers are in the page's table.
    document.querySelectorAll('[data-kt-trend]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-kt-trend'));
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      var colors = ['#0b5ed7', '#146c43', '#842029'];
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { show: false },
        xAxis: { type: 'category', data: data.labels },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: data.series.map(function (s, i) {
          return { name: s.name, type: 'line', data: s.data, connectNulls: false, symbolSize: 6,
                   itemStyle: { color: colors[i % colors.length] } };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  });

  // Forms that keep what was typed (data-kt-keep="<key>"): a copy in this browser's storage while
  // typing, offered back after a reload or a closed tab, dropped once the server has it (?saved=1,
  // ?sent=1); and before sending, a session that ended while the person was typing is renewed in
  // place (the sign-in dialog of the layout), so the form is sent as typed, never lost behind a
  // sign-in page.
  function typedFields(form) {
    var out = {};
    new FormData(form).forEach(function (v, k) {
      if (k !== '_csrf' && k !== 'action' && typeof v === 'string') out[k] = v;
    });
    return out;
  }
  function fillFields(form, data) {
    Object.keys(data).forEach(function (k) {
      var el = form.elements.namedItem(k);
      if (el && el.tagName && el.type !== 'hidden') el.value = data[k];
    });
  }
  function sameFields(a, b) {
    var keys = Object.keys(a).concat(Object.keys(b));
    for (var i = 0; i < keys.length; i++) if ((a[keys[i]] || '') !== (b[keys[i]] || '')) return false;
    return true;
  }
  function hhmm(t) {
    var d = new Date(t);
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }
  function keep(form, key, status) {
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), path: location.pathname, fields: typedFields(form) }));
    if (status) status.textContent = status.getAttribute('data-kt-kept').replace('{time}', hhmm(Date.now()));
  }
  // Resolves once the person has signed in again in the layout's dialog; the form's CSRF token is
  // then the new session's.
  function signInAgain(form) {
    var dialog = document.getElementById('kt-relogin');
    if (!dialog) return Promise.reject(new Error('no sign-in dialog'));
    return new Promise(function (resolve) {
      var f = dialog.querySelector('form');
      var msg = dialog.querySelector('[data-kt-relogin-error]');
      msg.textContent = '';
      f.onsubmit = function (e) {
        e.preventDefault();
        fetch('/api/v1/session', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: f.elements.username.value, password: f.elements.password.value })
        }).then(function (r) {
          return r.json().then(function (j) { return { ok: r.ok, body: j }; });
        }).then(function (r) {
          if (!r.ok) {
            msg.textContent = (r.body.error && r.body.error.message) || '';
            return;
          }
          var csrf = r.body.csrf_token;
          form.querySelectorAll('input[name=_csrf]').forEach(function (i) { i.value = csrf; });
          var meta = document.querySelector('meta[name="csrf-token"]');
          if (meta) meta.setAttribute('content', csrf);
          f.elements.password.value = '';
          dialog.close();
          resolve();
        }).catch(function () { msg.textContent = dialog.getAttribute('data-kt-offline'); });
      };
      dialog.showModal();
      f.elements.password.focus();
    });
  }
  function sendAs(form, action) {
    var hidden = form.querySelector('input[type=hidden][name=action]');
    if (!hidden) {
      hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'action';
      form.appendChild(hidden);
    }
    hidden.value = action;
    form.setAttribute('data-kt-sending', '1');
    form.submit();
  }
  // The outbox: sendings made without a connection, kept in IndexedDB until the server has them.
  function outbox(mode, fn) {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open('kientao', 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      };
      open.onerror = function () { reject(open.error); };
      open.onsuccess = function () {
        var tx = open.result.transaction('outbox', mode), result;
        try {
          result = fn(tx.objectStore('outbox'));
        } catch (e) {
          reject(e);
          return;
        }
        tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      };
    });
  }
  function enqueue(item) { return outbox('readwrite', function (s) { return s.add(item); }); }
  function queued() { return outbox('readonly', function (s) { return s.getAll(); }); }
  function unqueue(id) { return outbox('readwrite', function (s) { return s.delete(id); }); }
  function showOutbox(sentNow) {
    var box = document.querySelector('[data-kt-outbox]');
    if (!box || !window.indexedDB) return;
    queued().then(function (items) {
      if (items.length) {
        box.textContent = box.getAttribute('data-kt-waiting').replace('{n}', items.length);
        box.classList.remove('d-none');
      } else if (sentNow) {
        box.textContent = box.getAttribute('data-kt-sent').replace('{n}', sentNow);
        box.classList.remove('d-none');
      } else {
        box.classList.add('d-none');
      }
    });
  }
  var flushing = false;
  // Sends what waits, one by one, oldest first; each leaves the outbox once the server answered it
  // (a sending that ends on the sign-in page, or is refused, waits and says so).
  function flush() {
    if (flushing || !navigator.onLine || !window.indexedDB) return;
    flushing = true;
    var sent = 0;
    queued().then(function (items) {
      return items.reduce(function (p, item) {
        return p.then(function () {
          return fetch(item.url, {
            method: 'POST', credentials: 'same-origin', body: item.body,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
          }).then(function (r) {
            // Received: the server answered with the report page it sends to after a save or a
            // submission (a refused one answers 422, an ended session the sign-in page).
            if (r.ok && /[?&](sent|saved)=1/.test(r.url)) {
              sent++;
              Object.keys(localStorage).forEach(function (k) {
                try {
                  if (k.indexOf('kt:') === 0 && (JSON.parse(localStorage.getItem(k)) || {}).path === item.path) localStorage.removeItem(k);
                } catch (e) { /* not ours */ }
              });
              return unqueue(item.id);
            }
          });
        });
      }, Promise.resolve());
    }).catch(function () { /* still offline: try again later */ }).then(function () {
      flushing = false;
      showOutbox(sent);
    });
  }
  window.addEventListener('online', flush);
  // Signing out drops the service worker's copies of report pages and this browser's typed copies:
  // the next person on a shared phone sees none of them (the outbox keeps what still waits to go).
  document.addEventListener('submit', function (e) {
    if (!e.target.matches('form[action="/logout"]')) return;
    if (window.caches) caches.delete('kientao-pages-v1');
    Object.keys(localStorage).forEach(function (k) { if (k.indexOf('kt:') === 0) localStorage.removeItem(k); });
  });
  if ('serviceWorker' in navigator && document.querySelector('meta[name="csrf-token"]'))
    navigator.serviceWorker.register('/sw.js').catch(function () { /* pages still work online */ });

  document.addEventListener('DOMContentLoaded', function () {
    showOutbox();
    flush();
    // Saved or sent: the server has what this page's forms kept (the page may show no form now).
    var done = new URLSearchParams(location.search);
    if (done.has('saved') || done.has('sent')) {
      Object.keys(localStorage).forEach(function (k) {
        if (k.indexOf('kt:') !== 0) return;
        try {
          if ((JSON.parse(localStorage.getItem(k)) || {}).path === location.pathname) localStorage.removeItem(k);
        } catch (e) { localStorage.removeItem(k); }
      });
    }
    document.querySelectorAll('form[data-kt-keep]').forEach(function (form) {
      var key = 'kt:' + form.getAttribute('data-kt-keep');
      var status = form.querySelector('[data-kt-keep-status]');
      var params = new URLSearchParams(location.search);
      var kept = null;
      try { kept = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { kept = null; }
      if (params.has('saved') || params.has('sent')) {
        localStorage.removeItem(key);  // the server has what was typed
      } else if (kept && kept.fields && !sameFields(kept.fields, typedFields(form))) {
        var notice = document.querySelector('[data-kt-restored]');
        fillFields(form, kept.fields);
        if (notice) {
          notice.textContent = notice.getAttribute('data-kt-restored').replace('{time}', hhmm(kept.at));
          notice.classList.remove('d-none');
        }
      }
      var timer = null;
      form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { keep(form, key, status); }, 400);
      });
      form.addEventListener('submit', function (e) {
        if (form.getAttribute('data-kt-sending')) return;
        e.preventDefault();
        var action = (e.submitter && e.submitter.value) || 'save';
        keep(form, key, status);
        fetch('/api/v1/me', { credentials: 'same-origin' }).then(function (r) {
          if (r.status === 401) return signInAgain(form).then(function () { sendAs(form, action); });
          sendAs(form, action);
        }).catch(function () {
          // No answer at all: the connection is down. The sending waits in this phone's outbox and
          // goes when the connection is back (the page's key makes a repeated sending harmless).
          var body = new URLSearchParams(new FormData(form));
          body.set('action', action);
          enqueue({ url: form.getAttribute('action'), body: body.toString(), path: location.pathname, at: Date.now() })
            .then(function () {
              if (status) status.textContent = status.getAttribute('data-kt-queued');
              showOutbox();
            })
            .catch(function (err) {
              console.warn('kientao outbox:', err && err.message);
              if (status) status.textContent = status.getAttribute('data-kt-offline');
            });
        });
      });
    });
  });
})();
