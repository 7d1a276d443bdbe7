// Browser test of the periodic report workflow in Debian's Chromium: the village head submits the
// village's monthly report on a phone, the office returns it with a reason, the village head fixes
// it and resubmits, the office approves and consolidates the commune report, and the chairman's
// dashboard shows one report fewer missing. Starts its own server on a fresh demo database.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, openPage, signIn, run } from './harness.mjs';

const env = await start(process.argv[2]);
const { base } = env;

async function missingVillageReports(page) {
  await page.goto(base + '/');
  const text = await page.textContent('[data-testid=reports-missing]');
  const m = text.match(/Báo cáo tháng của thôn[\s\S]*?(\d+) Chưa nộp/);
  assert.ok(m, `missing count on the dashboard: ${text}`);
  return Number(m[1]);
}

await run(env, async () => {
  // The chairman's dashboard before: key indicators with targets, a chart with its table, missing reports.
  const chair = await openPage(env, { width: 1366, height: 900 });
  await signIn(chair.page, base, 'chutich');
  const before = await missingVillageReports(chair.page);
  assert.ok(before >= 1, 'the demo leaves village reports missing');
  assert.ok(await chair.page.locator('[data-testid=card-indicator]').count() >= 5, 'key indicators on the task cards');
  await chair.page.locator('.kt-chart svg').first().waitFor();  // ECharts drew the chart
  assert.ok(await chair.page.locator('[data-testid=indicator-table] tbody tr').count() >= 5, 'the chart numbers as a table');
  // The chart writes each value as the table does (77,4%, never 77.4%).
  const chartTexts = await chair.page.locator('.kt-chart svg text').allTextContents();
  const tableValues = (await chair.page.locator('[data-testid=indicator-table] tbody tr td:nth-child(3)').allTextContents())
    .map((t) => t.trim()).filter((t) => t !== '—');
  assert.ok(tableValues.length >= 1, 'values in the table');
  for (const v of tableValues) assert.ok(chartTexts.includes(v), `the chart lacks ${v}: ${chartTexts.join(' | ')}`);
  assert.ok(!chartTexts.some((t) => /\d\.\d+%/.test(t)), `a decimal point in the chart: ${chartTexts.join(' | ')}`);

  // The village head, on a phone: the office's reminder, then the village's report.
  const village = await openPage(env, { width: 360, height: 740 });
  const vp = village.page;
  await signIn(vp, base, 'truongthon');
  await vp.goto(base + '/reports');
  assert.match(await vp.textContent('[data-testid=reminder]'), /Báo cáo tháng của thôn/);
  await vp.click('a[data-testid=unit-link]:has-text("Thôn Đông Hải")');
  const reportUrl = vp.url();
  assert.match(await vp.textContent('[data-testid=report-status]'), /Chưa nộp/);
  await vp.fill('#v_HOUSEHOLDS', '215');
  await vp.fill('#v_POOR_HH', '250');  // more poor households than households: a validation rule
  await vp.fill('#v_WASTE_SORTED', '150');
  await vp.fill('#d_WASTE_SORTED', '215');
  // Narrative sections start folded on a phone; open the one to write in.
  await vp.click('details:has(#results_7) > summary');
  await vp.fill('#results_7', 'Kèm cặp 4 hộ nghèo, giới thiệu việc làm cho 2 lao động.');
  await vp.click('[data-testid=submit]');
  // The failed rule is listed on top and shown beside the indicators it reads.
  assert.match(await vp.textContent('[data-testid=form-problems]'), /quy tắc kiểm tra/);
  assert.ok(await vp.locator('[data-testid=field-problems]').count() >= 2);
  assert.equal(await vp.inputValue('#v_HOUSEHOLDS'), '215');
  village.errors.length = 0;  // the refused submission answers 422 on purpose
  await vp.fill('#v_POOR_HH', '4');
  await vp.click('[data-testid=submit]');
  await vp.waitForURL(/sent=1/);
  assert.match(await vp.textContent('[data-testid=report-status]'), /Chờ duyệt/);
  const overflow = await vp.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `phone: page is ${overflow}px wider than the screen`);
  await vp.screenshot({ path: join(env.dir, 'village-sent.png'), fullPage: true });

  // The office returns it with a reason.
  const office = await openPage(env, { width: 1366, height: 900 });
  const op = office.page;
  await signIn(op, base, 'vanphong');
  await op.goto(reportUrl);
  await op.fill('#reason', 'Ghi rõ số hộ phân loại rác mới trong tháng.');
  await op.click('[data-testid=return]');
  await op.waitForURL(reportUrl);
  assert.match(await op.textContent('[data-testid=report-status]'), /Bị trả lại/);

  // The village head sees why, fixes it and sends it again.
  await vp.goto(reportUrl);
  assert.match(await vp.textContent('[data-testid=return-reason]'), /phân loại rác mới/);
  await vp.fill('#v_WASTE_SORTED', '162');
  assert.equal(await vp.locator('#results_7').isVisible(), true, 'a section already written stays open');
  await vp.click('details:has(#results_10) > summary');
  await vp.fill('#results_10', 'Thêm 12 hộ phân loại rác tại nguồn.');
  await vp.click('[data-testid=submit]');
  await vp.waitForURL(/sent=1/);
  assert.match(await vp.textContent('[data-testid=report-status]'), /Chờ duyệt/);

  // The office approves and consolidates the commune report.
  await op.goto(reportUrl);
  await op.click('[data-testid=approve]');
  await op.waitForURL(reportUrl);
  assert.match(await op.textContent('[data-testid=report-status]'), /Đã duyệt/);
  const period = reportUrl.split('/').slice(-2)[0];
  await op.goto(base + '/commune-reports?period=' + period);
  await op.click('[data-testid=consolidate]');
  await op.waitForURL(/\/commune-reports\?period=/);
  assert.match(await op.inputValue('#section_7'), /Thôn Đông Hải: Kèm cặp 4 hộ nghèo/);
  assert.match(await op.inputValue('#section_10'), /Thôn Đông Hải: Thêm 12 hộ phân loại rác/);
  const download = op.waitForEvent('download');
  await op.click('[data-testid=docx]');
  assert.match((await download).suggestedFilename(), /\.docx$/);

  // The chairman's dashboard changes: one village report fewer missing.
  const after = await missingVillageReports(chair.page);
  assert.equal(after, before - 1, 'the dashboard counts the approved report');
  await chair.page.screenshot({ path: join(env.dir, 'dashboard.png'), fullPage: true });

  for (const [who, errs] of [['chairman', chair.errors], ['village head', village.errors], ['office', office.errors]])
    assert.deepEqual(errs, [], `${who}: browser errors`);
  console.log('ok - village head submits on a phone, office returns, resubmitted, approved, consolidated; dashboard updated');
});
