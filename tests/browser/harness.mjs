// What every browser test shares: a fresh demo database, the real server on a free loopback port,
// Debian's Chromium, signing in, and cleaning up (keeping screenshots when a test fails).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(join(process.env.KIENTAO_WEB_DIR, 'package.json'));
const { chromium } = require('playwright-core');

// `config`: the text of a kientao.toml for the server (e.g. a short session idle time), if any.
// The real server on a fresh demo database, without a browser: { dir, base, server }.
export async function startServer(binary, { config } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kientao-browser-'));
  const db = join(dir, 'demo.db');
  const demo = spawnSync(binary, ['demo-data', '--db', db], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stderr);
  const extra = [];
  if (config) {
    writeFileSync(join(dir, 'kientao.toml'), config);
    extra.push('--config', join(dir, 'kientao.toml'));
  }
  const server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (d) => {
      seen += d;
      const m = seen.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    setTimeout(() => reject(new Error('server did not start')), 20000);
  });
  return { dir, base, server };
}

// The server as startServer starts it, and Debian's Chromium: { dir, base, browser, server }.
export async function start(binary, options = {}) {
  const { dir, base, server } = await startServer(binary, options);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  return { dir, base, browser, server };
}

// A page in a new context that records browser errors and 404s in `errors`.
export async function openPage(env, viewport) {
  const context = await env.browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() === 404) errors.push(`404 ${r.url()}`); });
  return { context, page, errors };
}

export async function signIn(page, base, username, password = 'LacPhuong@2026') {
  await page.goto(base + '/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(base + '/');
}

// The village head of Thôn Đông Hải on a 360 px phone, signed in, on the village's report for the
// last closed month (which the demo leaves unsent): { page, errors, context, reportUrl }.
export async function villageReportOnPhone(env) {
  const village = await openPage(env, { width: 360, height: 740 });
  await signIn(village.page, env.base, 'truongthon');
  await village.page.goto(env.base + '/reports');
  await village.page.click('a[data-testid=unit-link]:has-text("Thôn Đông Hải")');
  return { ...village, reportUrl: village.page.url().split('?')[0] };
}

// Runs `body`, then closes everything; exits non-zero (keeping the screenshots) when it failed.
// KIENTAO_KEEP_SCREENSHOTS=1 keeps them after a pass too.
export async function run(env, body) {
  let failed = false;
  try {
    await body();
  } catch (e) {
    failed = true;
    console.error(e);
  } finally {
    if (env.browser) await env.browser.close();
    env.server.kill('SIGTERM');
    await new Promise((r) => env.server.on('exit', r));
    if (!failed && !process.env.KIENTAO_KEEP_SCREENSHOTS) rmSync(env.dir, { recursive: true, force: true });
    else console.error(`screenshots kept in ${env.dir}`);
  }
  process.exit(failed ? 1 : 0);
}

// Chooses the option of <select> `sel` whose text contains `text`.
export async function choose(page, sel, text) {
  const value = await page.$eval(sel, (s, t) => [...s.options].find((o) => o.text.includes(t))?.value, text);
  assert.ok(value, `no option "${text}" in ${sel}`);
  await page.selectOption(sel, value);
}

// axe-core (Deque's rules for WCAG 2.1 A/AA) on the page as it is: its serious and critical
// violations, each with its rule, help and first elements. Evaluated through the DevTools protocol,
// which the pages' Content-Security-Policy does not block.
let axeSource;
export async function axeViolations(page) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.split('\n').slice(1, 2).join('')) }));
  });
}
