// Browser test of data entry that never loses or changes what was typed, on a 360 px phone in
// Debian's Chromium: a report with four mistakes shows four messages at once beside their fields;
// a draft with a value that is not a number is saved and reopens intact; what was typed and not
// saved comes back after a reload; and a session that ends while the village head types is renewed
// in place and the report is still sent. Starts its own server on a fresh demo database.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, villageReportOnPhone, run } from './harness.mjs';

// Sessions end after one idle minute here, so the test can let one end while the report is open.
const env = await start(process.argv[2], { config: '[session]\nidle_minutes = 1\n' });
const { base } = env;

await run(env, async () => {
  const village = await villageReportOnPhone(env);
  const vp = village.page;
  const { reportUrl } = village;

  // Four mistakes, one submit: four messages, each beside its field, and the list on top.
  await vp.fill('#v_HOUSEHOLDS', '2l5');
  await vp.fill('#v_POOR_HH', '3');  // required on this form: filled, so the four are the mistakes
  await vp.fill('#v_BULLETINS', '12,5,3');
  await vp.fill('#v_WASTE_SORTED', '12.5');
  await vp.fill('#d_WASTE_SORTED', '215');
  await vp.fill('#v_PTW_PAID', '30');
  await vp.fill('#d_PTW_PAID', '20');
  await vp.click('[data-testid=submit]');
  await vp.waitForSelector('[data-testid=form-problems]');
  village.errors.length = 0;  // the refused submission answers 422 on purpose
  assert.equal(await vp.locator('[data-testid=field-problems]').count(), 4);
  assert.equal(await vp.locator('[data-testid=form-problems] li').count(), 4);
  assert.match(await vp.textContent('[data-testid=form-problems]'), /phải là số/);
  assert.doesNotMatch(await vp.textContent('main'), /field\./);
  assert.equal(await vp.inputValue('#v_HOUSEHOLDS'), '2l5');
  assert.equal(await vp.inputValue('#v_WASTE_SORTED'), '12.5');
  assert.equal(await vp.getAttribute('#v_HOUSEHOLDS', 'aria-invalid'), 'true');
  await vp.screenshot({ path: join(env.dir, 'four-mistakes.png'), fullPage: true });

  // "Lưu nháp" keeps the draft with the value that is not a number; it reopens intact and marked.
  await vp.fill('#v_BULLETINS', '12');
  await vp.fill('#v_WASTE_SORTED', '150');
  await vp.fill('#v_PTW_PAID', '20');
  await vp.click('[data-testid=save]');
  await vp.waitForURL(/saved=1/);
  await vp.waitForSelector('[data-testid=confirm-saved]');
  await vp.goto(reportUrl);
  assert.equal(await vp.inputValue('#v_HOUSEHOLDS'), '2l5');
  assert.equal(await vp.inputValue('#v_BULLETINS'), '12');
  assert.equal(await vp.getAttribute('#v_HOUSEHOLDS', 'aria-invalid'), 'true');
  assert.equal(await vp.locator('[data-testid=field-problems]').count(), 1);

  // Typed but not saved: a reload (or a closed tab) gives it back from this browser's storage.
  await vp.fill('#v_HOUSEHOLDS', '215');
  await vp.fill('#v_POOR_HH', '4');
  await vp.waitForTimeout(700);  // the copy is kept a moment after the last key
  await vp.reload();
  await vp.waitForSelector('[data-testid=restored]:not(.d-none)');
  assert.equal(await vp.inputValue('#v_HOUSEHOLDS'), '215');
  assert.equal(await vp.inputValue('#v_POOR_HH'), '4');

  // The session ends while the report is open (idle too long); sending asks to sign in again in
  // place, then sends what was typed.
  await vp.waitForTimeout(62_000);  // no request for a minute: the session has ended
  await vp.click('details:has(#results_7) > summary');
  await vp.fill('#results_7', 'Kèm cặp 4 hộ nghèo.');
  village.errors.length = 0;  // the check of the ended session answers 401 on purpose
  await vp.click('[data-testid=submit]');
  await vp.waitForSelector('#kt-relogin[open]');
  await vp.fill('#kt-relogin-password', 'sai-mat-khau');
  await vp.click('[data-testid=relogin]');
  await vp.waitForFunction(() => document.querySelector('[data-kt-relogin-error]').textContent.length > 0);
  await vp.fill('#kt-relogin-password', 'LacPhuong@2026');
  await vp.click('[data-testid=relogin]');
  await vp.waitForURL(/sent=1/);
  await vp.waitForSelector('[data-testid=confirm-sent]');
  assert.match(await vp.textContent('[data-testid=report-status]'), /Chờ duyệt/);
  // What was sent is shown, and nothing is offered back any more.
  assert.match(await vp.textContent('[data-testid=report-values]'), /215/);
  assert.equal(await vp.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kt:')).length), 0);
  const overflow = await vp.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `phone: page is ${overflow}px wider than the screen`);
  village.errors = village.errors.filter((e) => !/401/.test(e));
  assert.deepEqual(village.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  console.log('ok - four mistakes at once, a draft kept as typed, typing restored, sent after the session ended');
});
