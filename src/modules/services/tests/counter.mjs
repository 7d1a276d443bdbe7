// Browser test of the one-stop counter in Debian's Chromium: the clerk receives a dossier with
// mistakes and sees every one beside its field with what was typed kept; corrected, the dossier is
// received with its appointment date counted on working days; the result is recorded; and the
// statistics page draws its trend and holds the same numbers as the API. Starts its own server on a
// fresh demo database (the clock pinned to 28/11/2026 by the test command).
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { start, openPage, signIn, run, choose } from '../../../../tests/browser/harness.mjs';

const env = await start(process.argv[2]);
const { base } = env;

await run(env, async () => {
  const { page, errors } = await openPage(env, { width: 1366, height: 900 });
  await signIn(page, base, 'vanphong');
  await page.goto(base + '/services/dossiers/new');
  await choose(page, '#procedure_id', 'Xác nhận tình trạng hôn nhân');
  await choose(page, '#unit_id', 'Trung tâm Phục vụ hành chính công');
  await page.fill('#citizen_id', '12345');
  await page.fill('#code', 'HS 01');
  await page.check('#full_process_online');  // at the counter: refused
  await page.click('[data-testid=receive]');
  const messages = await page.locator('[data-testid=field-message]').allTextContents();
  assert.equal(messages.length, 4, messages.join(' | '));  // applicant, citizen ID, code, full-process
  for (const m of messages) assert.doesNotMatch(m, /SVC-|GEN-|field\./);
  assert.equal(await page.inputValue('#citizen_id'), '12345');  // kept as typed
  assert.equal(await page.inputValue('#code'), 'HS 01');
  await page.screenshot({ path: join(env.dir, 'counter-refused.png'), fullPage: true });

  await page.fill('#applicant_name', 'Lò Thị Mai');
  await page.fill('#citizen_id', '000190000123');
  await page.fill('#code', '');
  await page.uncheck('#full_process_online');
  await page.click('[data-testid=receive]');
  await page.waitForSelector('[data-testid=received-done]');
  // Saturday 28/11/2026, 3 working days: Wednesday 02/12/2026.
  assert.equal((await page.textContent('[data-testid=due-on]')).trim(), '02/12/2026');
  assert.equal((await page.textContent('[data-testid=dossier-status]')).trim(), 'Mới tiếp nhận');
  assert.match(await page.textContent('[data-testid=citizen-id]'), /^000\*+123$/);

  // The slip: printed at the counter; its QR code, read back by zbarimg, opens the dossier's
  // status (and, once returned, its questionnaire) on the applicant's phone without signing in.
  const dossierUrl = page.url().split('?')[0];
  await page.click('[data-testid=slip-link]');
  assert.equal((await page.textContent('[data-testid=slip-due]')).trim(), '02/12/2026');
  const qrFile = join(env.dir, 'slip-qr.png');
  await page.locator('[data-testid=slip-qr] svg').screenshot({ path: qrFile });
  await page.screenshot({ path: join(env.dir, 'slip.png'), fullPage: true });
  const decoded = execFileSync('zbarimg', ['--raw', '-q', qrFile], { encoding: 'utf8' }).trim();
  // With the survey module, the QR code opens the dossier's satisfaction page, status first.
  assert.match(decoded, /^http:\/\/127\.0\.0\.1:\d+\/khao-sat\/[0-9a-f]{56}$/);
  const phone = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const applicant = await phone.newPage();
  await applicant.goto(decoded);
  assert.equal((await applicant.textContent('[data-testid=survey-status]')).trim(), 'Mới tiếp nhận');
  assert.doesNotMatch(await applicant.content(), /Lò Thị Mai|000190000123/);
  await phone.close();
  await page.goto(dossierUrl);

  await page.fill('#returned_on', '28/11/2026');
  await page.click('[data-testid=return-result]');
  await page.waitForSelector('[data-testid=returned-on]');
  assert.equal((await page.textContent('[data-testid=dossier-status]')).trim(), 'Đã trả kết quả');
  assert.match(await page.textContent('[data-testid=returned-on]'), /28\/11\/2026 \(Trước hạn\)/);

  await page.goto(base + '/services?from=01/09/2025&to=28/11/2026');
  await page.waitForSelector('[data-kt-trend] svg');
  const api = await page.evaluate(async () =>
    (await fetch('/api/v1/services/stats?from=2025-09-01&to=2026-11-28')).json());
  const shown = (await page.textContent('[data-testid=stat-received]')).trim();
  assert.equal(shown, api.received.toLocaleString('vi-VN'));
  await page.screenshot({ path: join(env.dir, 'stats.png'), fullPage: true });
  // The refused submit is answered 422 on purpose; nothing else may fail.
  assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  console.log(`ok - a dossier received at the counter with every mistake shown at once, due 02/12/2026, its slip's QR read back and opened on a phone, result recorded; statistics of ${shown} dossiers drawn`);
});
