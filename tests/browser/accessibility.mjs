// Accessibility of every page, checked by axe-core (Deque's rules for WCAG 2.1 A/AA) in Debian's
// Chromium: the sign-in page, then every page reachable by links from the dashboard, crawled as the
// commune's administrator on a desktop, as the chairman, and as a village head on a 360 px phone,
// in Vietnamese and in English. A serious or critical violation on any page fails the test, listed
// with the page, the rule and the elements. Starts its own server on a fresh demo database.
import assert from 'node:assert/strict';
import { start, openPage, signIn, run, axeViolations } from './harness.mjs';

const env = await start(process.argv[2]);
const { base } = env;
// Answers that are files or actions, not pages.
const notPages = /\.(xlsx|docx|pdf|csv|json|xml|zip)(\?|$)|\/(lang|logout|evidence|directive-files|static)\/?|\/package$|\/adx$|^\/sw\.js/;

// Visits every same-site page linked from `start`, breadth first, at most `limit` pages; a path
// with ids is visited once per shape (/staff/12 and /staff/13 are the same page).
async function crawl(page, who, startPath, limit, problems) {
  const seen = new Set(), shapes = new Set();
  const queue = [startPath];
  let visited = 0;
  while (queue.length && visited < limit) {
    const path = queue.shift();
    const shape = path.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/N') + (path.includes('?') ? '?' : '');
    if (shapes.has(shape)) continue;
    shapes.add(shape);
    const resp = await page.goto(base + path);
    if (!resp || resp.status() >= 400 || !(resp.headers()['content-type'] || '').includes('text/html')) continue;
    visited++;
    for (const v of await axeViolations(page)) problems.push(`${who} ${path}: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      if (!href || !href.startsWith('/') || href.startsWith('//') || notPages.test(href)) continue;
      const clean = href.split('#')[0];
      if (!seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    }
  }
  return visited;
}

await run(env, async () => {
  const problems = [];
  const anonymous = await openPage(env, { width: 1366, height: 900 });
  await anonymous.page.goto(base + '/login');
  for (const v of await axeViolations(anonymous.page)) problems.push(`anonymous /login: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`);
  await anonymous.context.close();

  const visits = {};
  for (const [who, viewport, lang, limit = 120, startPath = '/'] of [
    ['quantri', { width: 1366, height: 900 }, 'vi'],
    ['chutich', { width: 1366, height: 900 }, 'en'],
    ['truongthon', { width: 360, height: 740 }, 'vi'],
    // A one-stop clerk on a phone, from her KPI page with the dossiers she handled beside the score.
    ['motcua', { width: 360, height: 740 }, 'vi', 30, '/kpi'],
  ]) {
    const { context, page } = await openPage(env, viewport);
    await signIn(page, base, who);
    if (lang === 'en') await context.addCookies([{ name: 'lang', value: 'en', url: base }]);
    visits[who] = await crawl(page, `${who} (${viewport.width} px, ${lang})`, startPath, limit, problems);
    await context.close();
  }
  assert.deepEqual(problems, [], `serious or critical accessibility violations:\n${problems.join('\n')}`);
  assert.ok(visits.quantri >= 25, `only ${visits.quantri} pages crawled as the administrator`);
  console.log(`accessibility: 0 serious or critical violations on ${Object.entries(visits).map(([w, n]) => `${n} pages as ${w}`).join(', ')} and the sign-in page`);
});
