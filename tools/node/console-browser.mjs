// Drives the 管理后台 in headless Debian chromium for ConsoleBrowserTests: signs in by link, opens every page in the
// light and dark theme, reads each chart's figures, runs axe-core, measures what each first load transfers, takes
// screenshots at 1280×800, checks every page at the Teams tab width (800 px) and a phone's (360 px), performs 受理 on one
// ticket through the Fluent button, and prints one JSON object on stdout.
// Usage: node console-browser.mjs <baseUrl> <signInPathAndQuery> <screenshotDir> <ticketNumber>
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, signIn, shots, ticket] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'organbot-chromium-'));
// A fresh profile directory each run (playwright's persistent context is how it takes --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  bypassCSP: true,
});
const result = { pages: {}, triage: null, narrow: null };
try {
  const page = context.pages()[0] ?? await context.newPage();
  // Every load counts as a first visit: no HTTP cache.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });
  await page.goto(base + signIn);
  await page.getByRole('button', { name: '登录管理后台' }).click();
  await page.waitForURL(base + '/console/');
  await page.waitForSelector('body[data-ready="true"]');

  for (const theme of ['light', 'dark']) {
    for (const name of ['overview', 'attendance', 'feedback', 'announcements', 'qa']) {
      // A fresh load with an empty cache, as a first visit.
      await page.goto(`${base}/console/${name}?theme=${theme}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForTimeout(150);
      // What this load transferred (document, scripts, styles, API answers), the HTTP cache being off.
      const bytes = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0));
      const figures = await page.$$eval('canvas[data-figures]', (all) => Object.fromEntries(all.map((c) => [c.id, { ...JSON.parse(c.dataset.figures), drawn: c.width > 0 && c.height > 0 }])));
      await page.addScriptTag({ content: axeSource });
      const axe = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, where: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)).join(' | ') })));
      await page.screenshot({ path: join(shots, `console-${name}-${theme}.png`), fullPage: true });
      const error = await page.$eval('main', (m) => m.querySelector('.note.error')?.textContent ?? null);
      // The controls are Fluent UI web components, defined and drawn in the page's theme.
      const fluent = await page.evaluate(() => ({
        defined: ['fluent-button', 'fluent-anchor-button', 'fluent-badge', 'fluent-dropdown', 'fluent-textarea', 'fluent-message-bar'].filter((n) => customElements.get(n)).length,
        buttons: document.querySelectorAll('fluent-button, fluent-anchor-button').length,
        nativeButtons: document.querySelectorAll('main button:not([slot]), nav button').length,
        theme: document.documentElement.dataset.theme,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      result.pages[`${name}-${theme}`] = { bytes, figures, axe, error, fluent };
    }
  }

  // No ?theme: the system's colour scheme, followed when it changes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${base}/console/`);
  await page.waitForSelector('body[data-ready="true"]');
  result.systemTheme = { dark: await page.evaluate(() => document.documentElement.dataset.theme) };
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light', null, { timeout: 5000 }).catch(() => {});
  result.systemTheme.light = await page.evaluate(() => document.documentElement.dataset.theme);

  await page.goto(`${base}/console/feedback?ticket=${encodeURIComponent(ticket)}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#ticket fluent-button[data-action="accept"]').click();
  await page.getByText('已完成，提交人已收到通知。').waitFor();
  result.triage = await page.$eval('#ticket h2', (h) => h.textContent);

  // The Teams tab width: no page scrolls sideways (wide tables scroll inside their own card).
  await page.setViewportSize({ width: 800, height: 800 });
  result.teamsWidth = {};
  for (const name of ['overview', 'attendance', 'feedback', 'announcements', 'qa']) {
    await page.goto(`${base}/console/${name}`);
    await page.waitForSelector('body[data-ready="true"]');
    result.teamsWidth[name] = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  }

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${base}/console/attendance`);
  await page.waitForSelector('body[data-ready="true"]');
  result.narrow = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  await page.keyboard.press('Tab');
  result.firstFocus = await page.evaluate(() => document.activeElement?.textContent ?? '');
  result.external = external;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
