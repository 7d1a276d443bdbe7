// Browser test of a phone with a bad connection, in Debian's Chromium with the network switched
// off: the report form opened once still opens, a report filled and sent offline waits in the
// phone's outbox (the person is told), and when the network is back it is received once — even
// when the outbox holds the same sending twice. Starts its own server on a fresh demo database.
import assert from 'node:assert/strict';
import { start, villageReportOnPhone, run } from './harness.mjs';

const env = await start(process.argv[2]);
const { base } = env;

await run(env, async () => {
  const village = await villageReportOnPhone(env);
  const vp = village.page;
  const { reportUrl } = village;
  const unitPath = new URL(reportUrl).pathname;
  await vp.evaluate(() => navigator.serviceWorker.ready);
  await vp.reload();  // now under the service worker, which keeps a copy of the form
  await vp.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // The network goes; the form still opens.
  await village.context.setOffline(true);
  await vp.goto(reportUrl);
  await vp.waitForSelector('[data-testid=report-form]');
  await vp.fill('#v_HOUSEHOLDS', '215');
  await vp.fill('#v_POOR_HH', '4');
  await vp.fill('#v_BULLETINS', '12');
  await vp.fill('#v_WASTE_SORTED', '150');
  await vp.fill('#d_WASTE_SORTED', '215');
  await vp.fill('#v_PTW_PAID', '20');
  await vp.fill('#d_PTW_PAID', '20');
  await vp.click('[data-testid=submit]');
  await vp.waitForSelector('[data-testid=outbox]:not(.d-none)');
  assert.match(await vp.textContent('[data-testid=outbox]'), /1 báo cáo/);
  // The same sending twice in the outbox (as when an answer is lost and it is sent again).
  await vp.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('kientao', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('outbox', 'readwrite');
      const store = tx.objectStore('outbox');
      store.getAll().onsuccess = (e) => {
        const copy = Object.assign({}, e.target.result[0]);
        delete copy.id;
        store.add(copy);
      };
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    };
  }));

  // The network is back: both go, the server recognises the second, the outbox empties.
  village.errors.length = 0;  // requests made while offline fail on purpose
  await village.context.setOffline(false);
  await vp.evaluate(() => window.dispatchEvent(new Event('online')));
  await vp.waitForFunction(() => /đã gửi/i.test(document.querySelector('[data-testid=outbox]').textContent));
  const left = await vp.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('kientao', 1);
    open.onsuccess = () => {
      open.result.transaction('outbox').objectStore('outbox').count().onsuccess = (e) => resolve(e.target.result);
    };
  }));
  assert.equal(left, 0);
  await vp.goto(reportUrl);
  assert.match(await vp.textContent('[data-testid=report-status]'), /Chờ duyệt/);
  // Received once: version 1, one submission.
  const [, form, period, unit] = unitPath.split('/').filter(Boolean);
  const api = await vp.request.get(`${base}/api/v1/reports?form_id=${form}&unit_id=${unit}&period=${period}`);
  const report = await api.json();
  assert.equal(report.version, 1);
  assert.equal(report.status, 'submitted');
  // Signing out leaves no copy of the report pages on the phone.
  await vp.evaluate(() => document.querySelector('form[action="/logout"]').requestSubmit());
  await vp.waitForURL(/\/login/);
  const kept = await vp.evaluate(async () => {
    const cache = await caches.open('kientao-pages-v1');
    return (await cache.keys()).filter((r) => r.url.includes('/reports/')).length;
  });
  assert.equal(kept, 0);
  console.log('ok - the form opens offline, a report sent offline waits and is received once when the network is back');
});
