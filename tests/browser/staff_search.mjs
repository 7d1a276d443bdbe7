// Browser test in Debian's Chromium (headless), desktop and phone viewports: sign in, open the dashboard,
// search a staff member without diacritics, see the result; the office reports progress on a key task. Starts its own server on a fresh demo database.
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, openPage, run } from './harness.mjs';

const env = await start(process.argv[2]);
const { base, dir } = env;

await run(env, async () => {
  for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
    const { context, page, errors } = await openPage(env, viewport);

    // Signing in from the dashboard address lands back on the dashboard.
    await page.goto(base + '/');
    assert.match(page.url(), /\/login\?next=/);
    await page.fill('#username', 'vanphong');
    await page.fill('#password', 'sai-mat-khau');
    await page.click('button[type=submit]');
    assert.match(await page.textContent('[data-testid=login-error]'), /Tên đăng nhập hoặc mật khẩu không đúng/);
    errors.length = 0;  // the refused sign-in answers 401 on purpose
    await page.fill('#password', 'LacPhuong@2026');
    await page.click('button[type=submit]');
    await page.waitForURL(base + '/');
    assert.equal(await page.locator('[data-testid=task-cards] .kt-task-card').count(), 10, `${name}: ten task cards`);
    assert.match(await page.textContent('h1'), /Tình hình chung/);

    // On a phone the navigation sits behind the menu button; on a desktop it is visible.
    if (name === 'phone') {
      assert.equal(await page.locator('#kt-sidebar a[href="/staff"]').isVisible(), false);
      await page.click('button[aria-controls=kt-sidebar]');
      await page.locator('#kt-sidebar a[href="/staff"]').waitFor({ state: 'visible' });
    }
    await page.click('#kt-sidebar a[href="/staff"]');
    await page.waitForURL(base + '/staff');

    // Search without diacritics: "le van duc" finds "Lê Văn Đức", and nobody else.
    await page.fill('[data-testid=staff-search]', 'le van duc');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-table] tbody tr').length === 1);
    const row = await page.textContent('[data-testid=staff-table] tbody tr');
    assert.match(row, /Lê Văn Đức/);
    assert.match(page.url(), /q=le\+van\+duc|q=le%20van%20duc/);
    await page.fill('[data-testid=staff-search]', 'khong co ai ten nay');
    await page.locator('[data-testid=staff-empty]').waitFor();

    // The dashboard's cards carry the tasks' derived statuses; the office reports progress on key task 10.
    await page.goto(base + '/');
    assert.match(await page.textContent('[data-testid=task-cards]'), /Đang thực hiện quá hạn/);
    if (name === 'desktop') {
      await page.goto(base + '/tasks/10');
      await page.fill('#percent', '150');
      await page.fill('#narrative', 'Mở rộng phân loại rác ra thêm 3 thôn.');
      await page.click('form[action="/tasks/10/updates"] button[type=submit]');
      assert.match(await page.textContent('[data-testid=form-error]'), /từ 0 đến 100%/);
      assert.equal(await page.inputValue('#narrative'), 'Mở rộng phân loại rác ra thêm 3 thôn.');
      errors.length = 0;  // the refused update answers 422 on purpose
      await page.fill('#percent', '45');
      await page.click('form[action="/tasks/10/updates"] button[type=submit]');
      await page.waitForURL(base + '/tasks/10');
      assert.match(await page.textContent('[data-testid=task-card]'), /45%/);
    }

    // The page fits the screen: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${name}: page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: join(dir, `${name}.png`) });
    assert.deepEqual(errors, [], `${name}: browser errors`);
    await context.close();
    console.log(`ok - ${name}: signed in, dashboard, search without diacritics`);
  }
});
