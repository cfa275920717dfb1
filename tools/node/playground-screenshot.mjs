// Screenshot of the Agents Playground's chat page in headless Chromium, after typing a message into it.
// Usage: PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core node playground-screenshot.mjs <playground url> <out.png> <text to wait for> [message to type]
// The page shows only what happens while it is open, so the message is typed there and the reply awaited.
// playwright-core is not a dependency of tools/node: install it in a temp dir (npm i playwright-core) and point at it.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, out, waitFor, typed] = process.argv.slice(2);
if (!url || !out || !waitFor) {
  console.error('usage: playground-screenshot.mjs <playground url> <out.png> <text to wait for> [message to type]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? 'playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'organbot-chromium-'));
// A fresh profile each time (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 900, height: 1100 },
  locale: 'zh-CN',
});
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  // The log panel covers half of the chat: close it when it is open.
  await page.getByRole('button', { name: 'Toggle Log Panel' }).click({ timeout: 3000, force: true }).catch(() => {});
  const before = await page.getByText(waitFor, { exact: false }).count();
  if (typed) {
    // The compose box is a contenteditable div; Enter sends.
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
  }
  // The reply (a card) renders after the bot answers; a loaded machine can take a while.
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline && (await page.getByText(waitFor, { exact: false }).count()) <= (typed ? before : 0)) {
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(1500);
  await page.getByText(waitFor, { exact: false }).last().scrollIntoViewIfNeeded({ timeout: 3000 }).catch(() => {});
  await page.screenshot({ path: out });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
