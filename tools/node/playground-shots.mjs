// Screenshots of OrganBot's cards taken in the Microsoft 365 Agents Playground's own web UI (headless Chromium).
// Starts the built bot (dev mode, a throw-away SQLite database, the Playground user as admin), the Playground
// (tools/node, pinned) with Teams-shaped ids, and Chromium; then plays each scene as a member or admin would, in
// Chinese and in English, and saves docs/screenshots/pg-<scene>-<zh|en>.png. Not part of the test run.
//
//   dotnet build Bot -c Release && (cd tools/node && npm ci)
//   node tools/node/playground-shots.mjs [--out docs/screenshots] [--only welcome,keypoints] [--keep]
//
// Chromium: /usr/bin/chromium (CHROMIUM to override); a CJK font must be installed (fonts-wqy-microhei).
// Messages are typed into the compose box and sent with Enter; when the UI does not show the message, it is sent
// through the Playground's REST API instead while the page is open (the page shows only what arrives while it is open).
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const WebSocket = require('ws');

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const outDir = resolve(flag('--out') ?? join(repo, 'docs', 'screenshots'));
mkdirSync(outDir, { recursive: true });
const only = flag('--only')?.split(',');
const keep = argv.includes('--keep');

export const ids = {
  tenant: '11111111-2222-3333-4444-555555555555',
  bot: '28:organbot-playground', botName: '机关党建助手',
  me: '29:playground-user-0', myName: '王晓明', myAad: 'aaaaaaaa-0000-0000-0000-0000000000a0',
  personal: 'a:playground-personal-1', group: '19:playground-group-1@thread.v2',
  team: '19:playground-general-1@thread.tacv2', channel: '19:playground-notices-1@thread.tacv2',
  others: [['29:playground-user-1', '李红'], ['29:playground-user-2', '张伟'], ['29:playground-user-3', '刘芳'],
    ['29:playground-user-4', '陈静'], ['29:playground-user-5', '赵磊']].map(([id, name], i) => ({ id, name, aad: `aaaaaaaa-0000-0000-0000-0000000000a${i + 1}` })),
};

function yaml() {
  const user = (id, name, aad, n) => `{ id: "${id}", name: "${name}", userPrincipleName: "user${n}@organ.example", aadObjectId: "${aad}", givenName: "${name.slice(1)}", surname: "${name[0]}", email: "user${n}@organ.example" }`;
  return [
    'version: "0.1.1"', `tenantId: "${ids.tenant}"`, `bot: { id: "${ids.bot}", name: "${ids.botName}" }`,
    `currentUser: ${user(ids.me, ids.myName, ids.myAad, 0)}`, 'users:',
    ...ids.others.map((u, i) => `  - ${user(u.id, u.name, u.aad, i + 1)}`),
    `personalChat: { id: "${ids.personal}" }`, `groupChat: { id: "${ids.group}", name: "党支部群聊" }`,
    'team:', `  id: "${ids.team}"`, '  name: "机关党委"', '  aadGroupId: "cccccccc-0000-0000-0000-000000000003"',
    `  channels: [ { id: "${ids.channel}", name: "通知公告" } ]`, ''].join('\n');
}

const freePort = () => new Promise((ok, fail) => {
  const s = createServer(); s.unref(); s.on('error', fail);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHttp(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try { const r = await fetch(url); if (r.status < 500) return; } catch { /* not yet */ }
    await sleep(300);
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** Starts bot, Playground and Chromium; returns the handles and a stop(). */
export async function startAll() {
  const work = mkdtempSync(join(tmpdir(), 'organbot-shots-'));
  const children = [];
  const botPort = await freePort();
  const dll = join(repo, 'Bot', 'bin', 'Release', 'net10.0', 'OrganBot.Bot.dll');
  const bot = spawn('dotnet', [dll], {
    cwd: work, stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env, MicrosoftAppId: '', Urls: `http://127.0.0.1:${botPort}`,
      Storage__Provider: 'Sqlite', Storage__ConnectionString: `Data Source=${join(work, 'organbot.db')}`,
      Admins__AadObjectIds__0: ids.myAad, Logging__LogLevel__Default: 'Warning', Announcements__MaxFollowUpsPerMember: '1',
    },
  });
  children.push(bot);
  bot.stderr.on('data', (d) => process.stderr.write(`[bot] ${d}`));
  await waitHttp(`http://127.0.0.1:${botPort}/healthz`, 90);

  const pgPort = await freePort();
  writeFileSync(join(work, '.m365agentsplayground.yml'), yaml());
  const pg = spawn(join(here, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(pgPort), '--service-url', `http://127.0.0.1:${pgPort}/_connector`, '--disable-telemetry'],
    { cwd: work, stdio: 'ignore', detached: true, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(work, '.m365agentsplayground.yml'), M365_AGENTS_PLAYGROUND_LOGFILE: join(work, 'playground.log') } });
  children.push(pg);
  const base = `http://127.0.0.1:${pgPort}`;
  await waitHttp(`${base}/_debug/ping`, 30);

  const profile = join(work, 'chromium');
  mkdirSync(profile);
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  const stop = async () => {
    await browser.close().catch(() => {});
    try { process.kill(-pg.pid, 'SIGTERM'); } catch { /* gone */ }
    bot.kill('SIGTERM');
    await sleep(1500);
    if (!keep) rmSync(work, { recursive: true, force: true });
  };
  return { work, base, botUrl: `http://127.0.0.1:${botPort}`, page, stop };
}

/** What a scene uses: the page, typing and pressing as the Playground user, REST for what the UI cannot do. */
export class Driver {
  constructor(env) { Object.assign(this, env); this.cards = []; }

  /** Opens (or reloads) the Playground on a conversation: a fresh, empty chat view. */
  async open(conversationLabel) {
    await this.page.goto(this.base, { waitUntil: 'domcontentloaded' });
    await this.page.locator('div[role="textbox"][contenteditable="true"]').first().waitFor({ state: 'visible', timeout: 60000 });
    await this.page.waitForTimeout(1500);
    await this.hideLog();
    if (conversationLabel) {
      await this.page.locator(`[aria-label="${conversationLabel}"]`).first().click();
      await this.page.waitForTimeout(2000);
    }
    await this.listen();
  }

  /** The log panel covers the send button and half of the chat; collapse it. */
  async hideLog() {
    const toggle = this.page.getByRole('button', { name: /log panel/i }).first();
    if (await toggle.count()) {
      const panel = this.page.getByText('Log Panel', { exact: false }).first();
      if (await panel.isVisible().catch(() => false)) await toggle.click({ force: true }).catch(() => {});
    }
  }

  /** Follows the bot's messages (the same WebSocket stream the page reads) to learn card data such as occurrence keys. */
  async listen() {
    this.ws?.close();
    this.cards = [];
    this.ws = new WebSocket(this.base.replace('http', 'ws') + '/_ws_conversation/v1/conversations/stream');
    this.ws.on('message', (raw) => {
      try {
        const event = JSON.parse(raw.toString());
        for (const a of event.message?.attachments ?? []) if (a.content) this.cards.push({ id: event.message.messageId, conversation: event.actionConversationId, card: a.content, text: event.message.text });
        if (!event.message?.attachments?.length && event.message?.text) this.cards.push({ id: event.message.messageId, conversation: event.actionConversationId, card: null, text: event.message.text });
      } catch { /* not JSON */ }
    });
    await new Promise((ok) => this.ws.once('open', ok));
  }

  /** Types into the compose box and sends with Enter; falls back to the REST API when the message does not show. */
  async say(text, conversationId = ids.personal) {
    const box = this.page.locator('div[role="textbox"][contenteditable="true"]').last();
    const mine = () => this.page.getByText(text, { exact: true }).count();
    const before = await mine();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    for (let i = 0; i < 10 && (await mine()) <= before; i++) await this.page.waitForTimeout(300);
    if ((await mine()) <= before) {
      await box.fill('').catch(() => {});
      await this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { from: { id: ids.me }, text, textFormat: 'plain' });
    }
  }

  async post(path, body) {
    const r = await fetch(this.base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.headers.get('content-type')?.includes('json') ? r.json() : r.text();
  }

  /** Any activity, sent verbatim to the bot through the Playground (e.g. as another member, or an event). */
  async custom(activity) {
    // The template of the Playground user's own chat carries serviceUrl, recipient and channelData; the rest is ours.
    this.template ??= await (await fetch(`${this.base}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(ids.personal)}`)).json();
    const { text, value, name, action, ...base } = this.template;
    return this.post('/_internal/v1/customActivities', {
      ...base, id: `shot-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, timestamp: new Date().toISOString(),
      ...activity, conversation: { ...(base.conversation ?? {}), ...activity.conversation },
    });
  }

  /** Waits until the page shows the text (a card's title, a reply). */
  async see(text, seconds = 45) {
    await this.page.getByText(text, { exact: false }).last().waitFor({ state: 'visible', timeout: seconds * 1000 });
    await this.page.waitForTimeout(800);
  }

  /** The last rendered card that contains the text. */
  card(text) { return this.page.locator('.ac-adaptiveCard', { hasText: text }).last(); }

  async press(cardText, button) {
    const b = this.card(cardText).getByRole('button', { name: button, exact: true }).first();
    await b.scrollIntoViewIfNeeded();
    await b.click();
  }

  /** The last card the bot sent (from the stream) whose JSON contains the text. */
  sent(text) { return [...this.cards].reverse().find((c) => JSON.stringify(c.card ?? c.text).includes(text)); }

  /** Screenshot of the page (header included) down to the bottom of the last card holding the text. */
  async shot(name, text) {
    let clip;
    if (text) {
      const card = this.card(text);
      await card.evaluate((e) => e.scrollIntoView({ block: 'end' })).catch(() => {});
      await this.page.waitForTimeout(700);
      const box = await card.boundingBox().catch(() => null);
      const view = this.page.viewportSize();
      if (box) clip = { x: 0, y: 0, width: view.width, height: Math.min(view.height, Math.max(360, box.y + box.height + 40)) };
    }
    await this.page.waitForTimeout(300);
    const file = join(outDir, `pg-${name}.png`);
    await this.page.screenshot({ path: file, clip });
    console.log('saved', file);
  }
}

// ---- scenes ------------------------------------------------------------------------------------------------
const zh = (lang) => lang === 'zh';

/** Beijing wall-clock time `minutes` from now, as "YYYY-MM-DD HH:MM" (a one-off event). */
function beijingIn(minutes) {
  return new Date(Date.now() + (8 * 60 + minutes) * 60000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An Action.Execute press sent as a custom activity (as anyone, in the group chat or a 1:1 chat); for setting the stage. */
async function invokeAs(d, user, conversationId, verb, data) {
  await d.custom({
    type: 'invoke', name: 'adaptiveCard/action', from: { id: user.id, name: user.name, aadObjectId: user.aad },
    conversation: conversation(conversationId), locale: 'zh-CN',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
  });
}

async function textAs(d, user, conversationId, text) {
  await d.custom({
    type: 'message', text, textFormat: 'plain', from: { id: user.id, name: user.name, aadObjectId: user.aad },
    conversation: conversation(conversationId), locale: 'zh-CN',
  });
}

const conversation = (id) => (id === ids.group
  ? { id, conversationType: 'groupChat', isGroup: true, tenantId: ids.tenant }
  : { id, conversationType: 'personal', tenantId: ids.tenant });

const me = { id: ids.me, name: ids.myName, aadObjectId: ids.myAad, aad: ids.myAad };

/**
 * The other five members write once in the group chat, so the bot knows them (audiences, approvers). It opens their
 * 1:1 chats itself (POST /v3/conversations) when it first sends to them; the Playground names those chats at random.
 */
async function seedMembers(d) {
  if (d.seeded) return;
  d.seeded = true;
  for (const u of ids.others) await textAs(d, u, ids.group, `<at>${ids.botName}</at> 你好`);
  await sleep(3000);
}

/** A member's 1:1 chat as the bot stored it (the Playground made up its id), or null. */
function memberChat(d, user) {
  try {
    const out = execFileSync('sqlite3', [join(d.work, 'organbot.db'), `select PersonalConversationId from Members where Id = '${user.id}'`], { encoding: 'utf8' }).trim();
    return out || null;
  } catch { return null; }
}

const eventData = (title, recurrence, extra = {}) => ({
  title, kind: '主题党日', recurrence, timeZone: '', location: '机关三楼会议室', agenda: '重温入党誓词，学习讲话第二部分',
  audience: 'all', leads: '1小时前', speechLink: '', shiftHolidays: 'true', mandatory: 'false', approvers: '', ...extra,
});

export const scenes = {
  async language(d, lang) {
    await d.open();
    await d.say(zh(lang) ? '语言' : 'language');
    const title = zh(lang) ? '语言设置' : 'I always answer in the language you write in';
    await d.see(title);
    await d.shot(`language-${lang}`, title);
  },

  async keypoints(d, lang) {
    await d.open();
    await d.say(zh(lang) ? '讲话要点' : 'key points');
    const title = zh(lang) ? '讲话要点' : 'Key points of the speech';
    await d.see(title);
    await d.shot(`keypoints-${lang}`, title);
    // One part as an outline: its points with their headings, the requirements under a point on demand.
    await d.press(title, zh(lang) ? '第二部分' : 'Part 2');
    await sleep(3000);
    await d.shot(`keypoints-part-${lang}`, zh(lang) ? '坚持思想引领' : 'Part 2');
  },

  async admin(d, lang) {
    await d.open();
    await d.say(zh(lang) ? '管理' : 'admin');
    const title = zh(lang) ? '管理功能' : 'Choose what to do';
    await d.see(title);
    await d.shot(`admin-${lang}`, title);
  },
};

/** Fills a card input by its label (text, textarea or a compact choice set). */
async function fill(d, cardText, label, value) {
  const input = d.card(cardText).getByLabel(label, { exact: false }).first();
  const tag = await input.evaluate((e) => e.tagName.toLowerCase());
  if (tag === 'select') await input.selectOption(value);
  else await input.fill(value);
}

/** Picks the option at `option` in the card's `which`-th dropdown (the Playground renders them as Fluent comboboxes). */
async function choose(d, cardText, which, option) {
  const select = d.card(cardText).locator('select').nth(which);
  if (await select.count()) { await select.selectOption({ index: option }); return; }
  await d.card(cardText).getByRole('combobox').nth(which).click();
  await d.page.getByRole('option').nth(option).click();
  await d.page.waitForTimeout(300);
}

Object.assign(scenes, {
  /** The welcome in a team channel: no admin buttons, says to @mention the bot. */
  async welcome(d, lang) {
    await d.open();
    if (zh(lang)) {
      // Opening a channel installs the app there (the Playground sends conversationUpdate and installationUpdate).
      await d.page.locator('[aria-label="机关党委 - General"]').first().click();
      await d.see('@机关党建助手');
      await d.shot('welcome-channel-zh', '欢迎使用机关党建助手');
    } else {
      // The app is installed once per team; a new installation from an English client (as a custom activity) welcomes again.
      await d.page.locator('[aria-label="机关党委 - 通知公告"]').first().click();
      await d.page.waitForTimeout(1500);
      const conv = { id: ids.channel, conversationType: 'channel', isGroup: true, tenantId: ids.tenant };
      const channelData = { tenant: { id: ids.tenant }, team: { id: ids.team, name: '机关党委' }, channel: { id: ids.channel, name: '通知公告' } };
      for (const action of ['remove', 'add']) {
        await d.custom({ type: 'installationUpdate', action, from: { id: ids.me, name: ids.myName, aadObjectId: ids.myAad }, conversation: conv, channelData, locale: 'en-US' });
        await sleep(1500);
      }
      await d.see('Welcome to OrganBot');
      await d.shot('welcome-channel-en', 'Welcome to OrganBot');
    }
  },
});

Object.assign(scenes, {
  /** A member's feedback, then as admin: 反馈列表 with Open per ticket, and 办结 asking for confirmation and a note. */
  async feedback(d, lang) {
    const t = (c, e) => (zh(lang) ? c : e);
    await d.open();
    await d.say(t('我要反馈', 'feedback'));
    const form = t('暖心工程 · 我要反馈', 'Warm-heart project · Give feedback');
    await d.see(form);
    await choose(d, form, 0, 1);
    await d.card(form).locator('textarea').first().fill(t('希望食堂晚餐延长到七点，方便加班的同志。', 'Could the canteen serve dinner until 7 pm for colleagues working late?'));
    await d.press(form, t('下一步', 'Next'));
    const confirm = t('请确认您的反馈', 'Please confirm your feedback');
    await d.see(confirm);
    await d.press(confirm, t('确认提交', 'Submit'));
    await d.see(t('已收到您的反馈', 'we have your feedback'));
    await sleep(1500);

    await d.say(t('反馈列表', 'feedback list'));
    const list = t('暖心工程反馈列表', 'Feedback list');
    await d.see(list);
    await d.shot(`feedback-list-${lang}`, list);

    await d.press(list, t('打开', 'Open'));
    const ticket = t('暖心工程反馈 NX-', 'Feedback NX-');
    await sleep(2500);
    await d.press(ticket, t('办结', 'Resolve'));
    await d.see(t('确认办结这条反馈吗', 'Resolve this ticket?'));
    await d.card(ticket).locator('textarea, input[type="text"]').last().fill(t('已与后勤服务中心沟通，下周起晚餐供应至19:00。', 'Agreed with the canteen: dinner until 7 pm from next week.'));
    await d.shot(`feedback-resolve-${lang}`, ticket);
  },
});

/** The first occurrence key on the last card with RSVP buttons that follows the event's title. */
function occurrenceOf(d, title) {
  const sent = [...d.cards].reverse().find((c) => c.card && JSON.stringify(c.card).includes('remind.rsvp') && JSON.stringify(c.card).includes(title));
  if (!sent) throw new Error(`no RSVP card for ${title}`);
  const json = JSON.stringify(sent.card);
  const match = /"occurrence":"([^"]+)"/.exec(json.slice(json.indexOf(title)));
  return match[1];
}

Object.assign(scenes, {
  /** As admin: a new event whose first reminder time has passed (the warning), 我的提醒 with 参加/请假, then 请假 to the secretary. */
  async reminders(d, lang) {
    const t = (c, e) => (zh(lang) ? c : e);
    await d.open();
    await seedMembers(d);

    await d.say(t('提醒管理', 'reminders'));
    const list = t('新建提醒', 'New event');
    await d.see(list);
    await d.press(list, list);
    const form = t('新建活动提醒', 'New event reminder');
    await d.see(form);
    const title = t('支部党员大会', 'Branch meeting');
    await d.card(form).getByLabel(t('活动名称', 'Title')).first().fill(title);
    await d.card(form).getByLabel(t('时间规则', 'When')).first().fill(beijingIn(40));
    await d.card(form).getByLabel(t('提前提醒', 'Remind before')).first().fill(t('1小时前', '1 hour before'));
    await d.press(form, t('保存', 'Save'));
    const late = t('第一次提醒的时间已经过去', 'The first reminder time has passed');
    await d.see(late);
    await d.shot(`reminder-late-${lang}`, late);
    await d.press(late, t('现在发送', 'Send now'));
    const reminder = t(`活动提醒：${title}`, `Reminder: ${title}`);
    await d.see(reminder);
    await d.shot(`reminder-card-${lang}`, reminder);

    // An event whose 请假 goes to the Playground user (the branch secretary here).
    const meeting = t('支部委员会', 'Branch committee');
    await invokeAs(d, me, ids.personal, 'remind.admin.save', eventData(meeting, t('每月第一个周五 15:00', 'first Friday of every month 15:00'), { approvers: `user:${ids.myAad}`, leads: t('1天前 09:00', '1 day before 09:00') }));
    await sleep(1500);
    await d.say(t('我的提醒', 'my reminders'));
    const mine = t('我的提醒', 'My reminders');
    await d.see(t('尚未答复', 'No answer yet'));
    await d.shot(`reminder-mine-${lang}`, mine);

    const secretaryOf = ids.others[0];
    await invokeAs(d, secretaryOf, ids.group, 'remind.rsvp', { occurrence: occurrenceOf(d, meeting), answer: 'leave', reason: t('外出调研', 'Field research that day') });
    const request = t('请假审批', 'Leave request');
    await d.see(request);
    await d.shot(`leave-request-${lang}`, request);
    await d.card(request).locator('textarea, input[type="text"]').last().fill(t('请会后自学会议材料', 'Please read the minutes afterwards')).catch(() => {});
    await d.press(request, t('批准', 'Approve'));
    await d.see(t('已批准', 'Approved'));
    await d.shot(`leave-decided-${lang}`, request);

    await d.say(t('成员台账', 'attendance record'));
    const ledger = t('成员台账', 'Attendance record by member');
    await d.see(ledger);
    // 李红 (her 请假 was approved above), over the whole year: the default range ends today.
    await d.card(ledger).getByRole('combobox').first().click().catch(() => {});
    await d.page.getByRole('option', { name: ids.others[0].name }).first().click().catch(() => {});
    const to = d.card(ledger).getByLabel(t('结束日期', 'To')).first();
    await to.fill(`${new Date().getFullYear()}-12-31`).catch(async () => { await to.click(); await d.page.keyboard.type(`${new Date().getFullYear()}/12/31`); await d.page.keyboard.press('Enter'); });
    await d.press(ledger, t('查看', 'Show'));
    await sleep(2500);
    await d.shot(`ledger-${lang}`, ledger);
  },
});

/** A read receipt as Teams sends it when the member reads their 1:1 chat (issue 14): everything up to now is read. */
async function readReceipt(d, user) {
  const chat = user.id === ids.me ? ids.personal : memberChat(d, user);
  if (!chat) { console.warn(`no 1:1 chat known for ${user.name}; no receipt`); return; }
  await d.custom({
    type: 'event', name: 'application/vnd.microsoft.readReceipt', from: { id: user.id, name: user.name, aadObjectId: user.aad },
    conversation: conversation(chat), value: { lastReadMessageId: String(Date.now() + 60000) },
  });
}

Object.assign(scenes, {
  /** As admin: 发布公告 → 预览 → 确认发送; 公告列表; then three read receipts move the read count. */
  async announcements(d, lang) {
    const t = (c, e) => (zh(lang) ? c : e);
    await d.open();
    await seedMembers(d);
    await d.say(t('发布公告', 'announce'));
    const compose = t('发布公告', 'New announcement');
    await d.see(t('正文', 'Body'));
    const title = t('关于开展12月主题党日活动的通知', 'December Theme Party Day');
    await d.card(compose).locator('input[type="text"]').first().fill(title);
    await d.card(compose).locator('textarea').first().fill(t('请各支部于12月4日（周五）15:00在机关三楼会议室集中学习讲话第二部分。', 'Branches meet on Friday 4 December at 15:00 in the third-floor meeting room to study Part 2 of the speech.'));
    await d.press(compose, t('预览', 'Preview'));
    const send = t('确认发送', 'Send');
    await d.page.getByRole('button', { name: send, exact: true }).last().waitFor({ timeout: 30000 });
    await d.page.getByRole('button', { name: send, exact: true }).last().click();
    await sleep(6000);

    await d.say(t('公告列表', 'announcements'));
    const list = t('公告列表', 'Announcements');
    await d.see(t('未读或未知', 'Unread or unknown'));
    await d.shot(`announcements-${lang}`, list);

    // The admin and two members read their chats; Teams sends each a read receipt (here: a custom activity through the Playground).
    for (const u of [me, ...ids.others.slice(0, 2)]) await readReceipt(d, u);
    await sleep(1500);
    await d.say(t('公告列表', 'announcements'));
    await sleep(2500);
    await d.shot(`announcements-read-${lang}`, list);
  },
});

// ---- main ---------------------------------------------------------------------------------------------------
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The channel welcome comes first: the app is installed there once per run.
  const order = ['welcome', 'language', 'keypoints', 'admin', 'feedback', 'reminders', 'announcements'];
  const unknown = (only ?? []).filter((n) => !order.includes(n));
  if (unknown.length) { console.error(`unknown scene(s): ${unknown.join(', ')}; scenes: ${order.join(', ')}`); process.exit(2); }
  const env = await startAll();
  const d = new Driver(env);
  let failed = 0;
  try {
    for (const name of order.filter((n) => !only || only.includes(n))) {
      for (const lang of ['zh', 'en']) {
        try {
          await scenes[name](d, lang);
        } catch (e) {
          failed++;
          console.error(`scene ${name} (${lang}) failed: ${e.message.split('\n')[0]}`);
          await d.page.screenshot({ path: join(env.work, `failed-${name}-${lang}.png`) }).catch(() => {});
        }
      }
    }
  } finally {
    d.ws?.close();
    await env.stop();
  }
  if (keep) console.log(`kept ${env.work}`);
  process.exit(failed ? 1 : 0);
}
