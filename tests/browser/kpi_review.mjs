// Browser test of the KPI workflow in Debian's Chromium: a civil servant reports a product done on a
// phone, the head of her office confirms it with one major error, and her month's score changes as
// Decree 335's rule says (quantity and timeliness + the product's share, quality + 75% of it).
// Starts its own server on a fresh demo database.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, openPage, signIn, run } from './harness.mjs';

const env = await start(process.argv[2]);
const { base } = env;

// As Vietnamese write it: "81,68".
const vn = (x) => String(Number(x.toFixed(2))).replace('.', ',');
const me = (page) => page.evaluate(async () => (await fetch('/api/v1/kpi/me')).json());

await run(env, async () => {
  const staff = await openPage(env, { width: 360, height: 740 });
  const sp = staff.page;
  await signIn(sp, base, 'congchuc');
  await sp.goto(base + '/kpi');
  const before = await me(sp);
  assert.equal(await sp.textContent('[data-testid=kpi-total]'), vn(before.score.total));
  const weight = before.items.reduce((s, i) => s + i.weight, 0);
  const item = before.items.find((i) => i.status === 'open');
  assert.ok(item, 'the demo leaves products in progress this month');
  // Done on its deadline (or today, if that is earlier): on time.
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const doneOn = item.deadline < today ? item.deadline : today;
  const [y, m, d] = doneOn.split('-');
  const card = sp.locator(`[data-testid=kpi-item-${item.id}]`);
  await card.locator('input[name=completed_on]').fill(`${d}/${m}/${y}`);
  await card.locator('input[name=note]').fill('Đã trình lãnh đạo ký');
  await card.locator('[data-testid=kpi-report-done]').click();
  await sp.waitForURL(/\/kpi(\?|$)/);
  assert.match(await sp.locator(`[data-testid=kpi-item-${item.id}] [data-testid=kpi-status]`).textContent(), /Chờ xác nhận/);
  const overflow = await sp.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `phone: page is ${overflow}px wider than the screen`);

  // The head confirms it with one major error.
  const head = await openPage(env, { width: 1366, height: 900 });
  const hp = head.page;
  await signIn(hp, base, 'truongphong');
  await hp.goto(base + '/kpi/review');
  const q = hp.locator(`[data-testid=queue-item-${item.id}]`);
  await q.waitFor();
  assert.match(await q.textContent(), /Phan Thị Thảo/);
  await q.locator(`#errors-${item.id}`).fill('1');
  assert.equal(await q.locator(`#delays-${item.id}`).inputValue(), '0', 'done on time: no delay suggested');
  // The assignment form is laid out in rows on a desktop, not as a staircase: the person, the
  // product, the quantity and the deadline side by side.
  const tops = await hp.evaluate(() => ['a-staff', 'a-product', 'a-qty', 'a-deadline'].map(
    (id) => Math.round(document.getElementById(id).getBoundingClientRect().top)));
  assert.ok(tops.every((t) => t === tops[0]), `assignment form fields at ${tops.join(', ')} px`);
  await q.locator('[data-testid=kpi-confirm]').click();
  await hp.waitForURL(/\/kpi\/review$/);
  assert.equal(await hp.locator(`[data-testid=queue-item-${item.id}]`).count(), 0);

  // Her month: the product scored 75% quality, and the total moved as the rule says.
  await sp.goto(base + '/kpi');
  const after = await me(sp);
  const share = (100 * item.weight) / weight;
  assert.ok(Math.abs(after.score.quantity - before.score.quantity - share) < 1e-9, 'quantity');
  assert.ok(Math.abs(after.score.quality - before.score.quality - 0.75 * share) < 1e-9, 'quality −25%');
  assert.ok(Math.abs(after.score.timeliness - before.score.timeliness - share) < 1e-9, 'timeliness');
  const expected = before.score.total + (70 * (share + 0.75 * share + share)) / 3 / 100;
  assert.ok(Math.abs(after.score.total - expected) < 1e-9, `total ${after.score.total} ≠ ${expected}`);
  assert.equal(await sp.textContent('[data-testid=kpi-total]'), vn(expected));
  const scored = await sp.textContent(`[data-testid=kpi-item-${item.id}] [data-testid=kpi-item-score]`);
  assert.match(scored, /Chất lượng 75%/);
  assert.match(scored, /1 lỗi lớn/);
  await sp.screenshot({ path: join(env.dir, 'my-kpi.png'), fullPage: true });

  // The chairman's annual rating list with its quota check, and the streamlining plan.
  const chair = await openPage(env, { width: 1366, height: 900 });
  const cp = chair.page;
  await signIn(cp, base, 'chutich');
  await cp.goto(base + '/kpi/ratings');
  assert.ok(await cp.locator('[data-testid=ratings] tbody tr').count() >= 20, 'the rating list');
  assert.ok(await cp.locator('[data-testid=quota-check] tbody tr').count() >= 2, 'the quota check');
  await cp.screenshot({ path: join(env.dir, 'ratings.png'), fullPage: true });
  await cp.goto(base + '/staffing/streamlining');
  assert.match(await cp.textContent('[data-testid=candidates]'), /Chu Văn Hải/);
  await cp.click('[data-testid=candidates] details summary');
  assert.match(await cp.textContent('[data-testid=candidates]'), /NĐ 154\/2025/);
  await cp.screenshot({ path: join(env.dir, 'streamlining.png'), fullPage: true });

  for (const [who, errs] of [['civil servant', staff.errors], ['head', head.errors], ['chairman', chair.errors]])
    assert.deepEqual(errs, [], `${who}: browser errors`);
  console.log('ok - a civil servant reports a product done, the head confirms with one major error, the score follows the rule');
});
