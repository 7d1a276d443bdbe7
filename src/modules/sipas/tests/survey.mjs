// Browser test of the satisfaction survey in Debian's Chromium: the clerk receives a dossier at the
// counter and prints its slip; the slip's QR code, read back by zbarimg, opens on a 360 px phone
// without signing in, shows the status and no questionnaire until the result is returned; then the
// applicant answers with large touch targets, gets thanks, and the link takes no second answer; the office's index page counts the answer and draws
// the trend. axe-core checks the phone's questionnaire and the index page. Starts its own server on
// a fresh demo database (the clock pinned to 28/11/2026 by the test command).
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { start, openPage, signIn, run, choose, axeViolations } from '../../../../tests/browser/harness.mjs';

const env = await start(process.argv[2]);
const { base } = env;

await run(env, async () => {
  const { page, errors } = await openPage(env, { width: 1366, height: 900 });
  await signIn(page, base, 'vanphong');
  const year = '?from=2026-01-01&to=2026-11-28';
  const before = await page.evaluate(async (q) => (await fetch('/api/v1/sipas/indices' + q)).json(), year);

  await page.goto(base + '/services/dossiers/new');
  await choose(page, '#procedure_id', 'Đăng ký khai sinh');
  await choose(page, '#unit_id', 'Trung tâm Phục vụ hành chính công');
  await page.fill('#applicant_name', 'Lò Thị Mai');
  await page.click('[data-testid=receive]');
  await page.waitForSelector('[data-testid=received-done]');
  const dossierUrl = page.url().split('?')[0];
  await page.click('[data-testid=slip-link]');
  const qrFile = join(env.dir, 'survey-qr.png');
  await page.locator('[data-testid=slip-qr] svg').screenshot({ path: qrFile });
  const link = execFileSync('zbarimg', ['--raw', '-q', qrFile], { encoding: 'utf8' }).trim();
  assert.match(link, /\/khao-sat\/[0-9a-f]{56}$/);

  const phone = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const applicant = await phone.newPage();
  await applicant.goto(link);
  await applicant.waitForSelector('[data-testid=survey-not-yet]');
  assert.equal(await applicant.locator('[data-testid=survey-form]').count(), 0);

  await page.goto(dossierUrl);
  await page.fill('#returned_on', '28/11/2026');
  await page.click('[data-testid=return-result]');
  await page.waitForSelector('[data-testid=returned-on]');

  await applicant.goto(link);
  await applicant.waitForSelector('[data-testid=survey-form]');
  assert.deepEqual(await axeViolations(applicant), []);
  // Nothing wider than the phone, and every answer a touch target of at least 44 px.
  assert.ok(await applicant.evaluate(() => document.documentElement.scrollWidth <= 360));
  const box = await applicant.locator('label[for="services.1-5"]').boundingBox();
  assert.ok(box.height >= 44 && box.width >= 300, JSON.stringify(box));
  const legends = await applicant.locator('fieldset legend').count();
  assert.equal(legends, 8);
  for (let i = 0; i < legends; i++) {
    const code = await applicant.locator('fieldset').nth(i).getAttribute('id');
    await applicant.click(`label[for="${code}-${i === 3 ? 3 : 5}"]`);
  }
  await applicant.screenshot({ path: join(env.dir, 'survey-phone.png'), fullPage: true });
  await applicant.click('[data-testid=survey-send]');
  await applicant.waitForSelector('[data-testid=survey-thanks]');
  assert.equal(await applicant.locator('[data-testid=survey-form]').count(), 0);
  assert.doesNotMatch(await applicant.content(), /Lò Thị Mai/);
  await phone.close();

  await page.goto(base + '/sipas' + year);
  await page.waitForSelector('[data-kt-trend] svg');
  const after = await page.evaluate(async (q) => (await fetch('/api/v1/sipas/indices' + q)).json(), year);
  assert.equal(after.responses, before.responses + 1);
  assert.equal((await page.textContent('[data-testid=sipas-responses]')).trim(), after.responses.toLocaleString('vi-VN'));
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(env.dir, 'sipas.png'), fullPage: true });
  // Key task 6's page shows the survey's computed indicator and leads to the survey.
  await page.goto(base + '/tasks/6');
  assert.ok(await page.locator('a[href="/sipas"]').count() > 0);
  assert.deepEqual(errors, []);
  console.log(`ok - a slip's QR code opened on a 360 px phone, closed until the result was returned, answered once; the index now counts ${after.responses} answers (${after.index.toFixed(1)}%)`);
});
