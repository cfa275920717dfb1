// 管理后台: one small page per section, filled from /console/api. All text goes in with textContent (member text is
// never HTML). In the Teams tab (?host=teams) every API call carries a Teams SSO token; in a browser the session cookie
// from the sign-in link, plus the antiforgery header on POSTs.
import { Chart, BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Legend, Tooltip } from 'chart.js';
import { texts } from './texts.js';

Chart.register(BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Legend, Tooltip);

const params = new URLSearchParams(location.search);
const inTeams = params.get('host') === 'teams';
const pages = ['overview', 'attendance', 'feedback', 'announcements', 'qa'];
const page = pages.includes(location.pathname.split('/')[2]) ? location.pathname.split('/')[2] : 'overview';
let lang = (navigator.language || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
let csrf = null;
let teams = null;
const t = (key) => texts[lang][key] ?? key;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

function setTheme(name) {
  const dark = name === 'dark' || name === 'contrast' || (!name && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  Chart.defaults.color = getComputedStyle(document.documentElement).getPropertyValue('--text').trim();
  Chart.defaults.borderColor = getComputedStyle(document.documentElement).getPropertyValue('--border').trim();
}

async function token() {
  if (!teams) return null;
  return teams.authentication.getAuthToken();
}

async function api(path, body) {
  const headers = { Accept: 'application/json' };
  const bearer = await token();
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    if (csrf) headers['X-Console-Csrf'] = csrf;
  }
  const response = await fetch('/console/api/' + path, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (response.status === 401 || response.status === 403) throw Object.assign(new Error(data?.detail ?? t('forbidden')), { status: response.status });
  if (!response.ok && !(data && 'ok' in data)) throw new Error(data?.detail ?? t('error'));
  return data;
}

const link = (p) => '/console/' + p + (inTeams ? '?host=teams' : '') + (params.get('theme') ? (inTeams ? '&' : '?') + 'theme=' + params.get('theme') : '');

function nav() {
  const list = h('ul', {}, pages.map((p) => h('li', {}, h('a', { href: link(p), 'aria-current': p === page ? 'page' : null }, t(p)))));
  document.getElementById('nav').replaceChildren(list);
  document.getElementById('nav').setAttribute('aria-label', t('console'));
  document.getElementById('brand').textContent = t('console');
  document.getElementById('skip').textContent = t('skip');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = t(page) + ' · ' + t('console');
}

const palette = () => {
  const css = getComputedStyle(document.documentElement);
  const v = (n) => css.getPropertyValue(n).trim();
  return { ok: v('--ok'), warn: v('--warn'), bad: v('--bad'), neutral: v('--neutral'), brand: v('--brand') };
};

/** A chart with its figures on the canvas (data-figures) and in its accessible name; the tables next to it hold the same numbers. */
function chart(id, label, type, labels, datasets, options = {}) {
  const canvas = h('canvas', { id, role: 'img', 'aria-label': label + ': ' + datasets.map((d) => d.label + ' ' + d.data.join('/')).join('; '),
    'data-figures': JSON.stringify({ labels, datasets: datasets.map((d) => ({ label: d.label, data: d.data })) }) });
  const box = h('div', { class: 'chart' }, canvas);
  queueMicrotask(() => new Chart(canvas, { type, data: { labels, datasets }, options: { responsive: true, maintainAspectRatio: false, animation: false, ...options } }));
  return box;
}

const single = { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };

function table(caption, head, rows, numeric = []) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('caption', { class: 'muted', style: 'text-align:left' }, caption),
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'n' : null }, c)))),
    h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((c, i) => h('td', { class: numeric.includes(i) ? 'n' : null }, c ?? '')))) : h('tr', {}, h('td', { colspan: head.length, class: 'muted' }, t('none'))))));
}

const card = (title, ...children) => h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
const note = (text, error) => h('p', { class: 'note' + (error ? ' error' : ''), role: error ? 'alert' : 'status' }, text);

// ---- pages ----

async function overview(main) {
  const o = await api('overview');
  const a = o.lastAnnouncement;
  main.append(h('h1', {}, t('overview')), h('div', { class: 'grid' },
    card(t('nextEvents'), table(t('nextEvents'), [t('event'), t('time')], o.nextEvents.map((e) => [e.title, e.time]))),
    card(t('openTickets'), h('p', { class: 'big', id: 'open-tickets' }, String(o.openTickets)), h('p', { class: 'muted' }, t('newTickets') + ' ' + o.newTickets)),
    card(t('lastAnnouncement'), a ? [h('p', {}, a.title), h('p', { class: 'big', id: 'read-rate' }, a.delivered ? Math.round(100 * a.read / a.delivered) + '%' : '—'),
      h('p', { class: 'muted' }, `${t('read')} ${a.read} / ${t('delivered')} ${a.delivered} · ${t('failed')} ${a.failed}`)] : h('p', { class: 'muted' }, t('none'))),
    card(t('qaMonth'), h('dl', {}, h('dt', {}, '👍'), h('dd', { id: 'qa-up' }, String(o.qaThisMonth.up)), h('dt', {}, '👎'), h('dd', { id: 'qa-down' }, String(o.qaThisMonth.down)),
      h('dt', {}, t('refused')), h('dd', { id: 'qa-refused' }, String(o.qaThisMonth.refused))))));
}

async function attendance(main) {
  const q = new URLSearchParams({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
  const d = await api('attendance?' + q);
  const c = palette();
  const form = h('form', { class: 'filters', method: 'get', action: location.pathname },
    inTeams ? h('input', { type: 'hidden', name: 'host', value: 'teams' }) : null,
    h('label', {}, t('from'), h('input', { type: 'date', name: 'from', value: d.from, required: true })),
    h('label', {}, t('to'), h('input', { type: 'date', name: 'to', value: d.to, required: true })),
    h('button', { type: 'submit', class: 'primary' }, t('apply')));
  const sets = (rows, get) => [
    { label: t('attending'), data: rows.map((r) => get(r).attending), backgroundColor: c.ok },
    { label: t('onLeave'), data: rows.map((r) => get(r).onLeave), backgroundColor: c.warn },
    { label: t('noAnswer'), data: rows.map((r) => get(r).noAnswer), backgroundColor: c.neutral },
    { label: t('notDelivered'), data: rows.map((r) => get(r).notDelivered), backgroundColor: c.bad }];
  const status = h('div');
  const exportButton = (key) => h('button', { type: 'button', 'aria-label': t('csv') + ' ' + key, onclick: async () => {
    const r = await api('attendance/export', { occurrence: key });
    status.replaceChildren(note(t('csvReady')));
    location.assign(r.url);
  } }, t('csv'));
  main.append(h('h1', {}, t('attendance')), form, status, h('div', { class: 'grid' },
    card(t('trend'), chart('chart-months', t('trend'), 'bar', d.months.map((m) => m.month), sets(d.months, (m) => m.counts), stacked),
      table(t('trend'), [t('month'), t('attending'), t('onLeave'), t('noAnswer'), t('notDelivered'), t('rate')],
        d.months.map((m) => [m.month, m.counts.attending, m.counts.onLeave, m.counts.noAnswer, m.counts.notDelivered, m.attendanceRate === null ? '—' : m.attendanceRate + '%']), [1, 2, 3, 4, 5])),
    card(t('occurrences'), table(t('occurrences'), [t('event'), t('time'), t('attending'), t('onLeave'), t('noAnswer'), t('notDelivered'), ''],
      d.occurrences.map((o) => [o.title, o.time, o.counts.attending, o.counts.onLeave, o.counts.noAnswer, o.counts.notDelivered, exportButton(o.key)]), [2, 3, 4, 5])),
    d.groups.length ? card(t('byGroup'), table(t('byGroup'), [t('event'), t('time'), t('group'), t('attending'), t('onLeave'), t('noAnswer'), t('notDelivered')],
      d.occurrences.flatMap((o) => o.groups.map((g) => [o.title, o.time, g.group, g.counts.attending, g.counts.onLeave, g.counts.noAnswer, g.counts.notDelivered])), [3, 4, 5, 6])) : null,
    card(t('ledger'), table(t('ledger') + ` ${d.from} – ${d.to}`, [t('member'), t('attending'), t('onLeave'), t('noAnswer'), t('notDelivered')],
      d.members.map((m) => [m.name, m.counts.attending, m.counts.onLeave, m.counts.noAnswer, m.counts.notDelivered]), [1, 2, 3, 4]))));
  main.querySelectorAll('.card').forEach((el) => el.classList.add('wide'));
}

async function feedback(main) {
  const filters = ['status', 'unit', 'category', 'month'];
  const q = new URLSearchParams(filters.map((f) => [f, params.get(f) ?? '']));
  const d = await api('feedback?' + q);
  const c = palette();
  const select = (name, options) => h('label', {}, t(name), h('select', { name },
    h('option', { value: '' }, t('all')), options.map((o) => h('option', { value: o.code, selected: params.get(name) === o.code }, o.label))));
  const form = h('form', { class: 'filters', method: 'get', action: location.pathname },
    inTeams ? h('input', { type: 'hidden', name: 'host', value: 'teams' }) : null,
    select('status', d.byStatus), select('unit', d.byUnit), select('category', d.byCategory),
    select('month', d.months.map((m) => ({ code: m.month, label: m.month }))), h('button', { type: 'submit', class: 'primary' }, t('apply')));
  const hours = (x) => (x === null ? '—' : x + ' h');
  const detail = h('div', { id: 'ticket' });
  const open = async (number) => { detail.replaceChildren(ticketView(await api('feedback/' + encodeURIComponent(number)), detail)); detail.querySelector('h2')?.focus(); };
  main.append(h('h1', {}, t('feedback')), h('div', { class: 'grid' },
    card(t('byStatus'), chart('chart-status', t('byStatus'), 'bar', d.byStatus.map((b) => b.label), [{ label: t('tickets'), data: d.byStatus.map((b) => b.count), backgroundColor: c.brand }], single)),
    card(t('byUnit'), chart('chart-unit', t('byUnit'), 'bar', d.byUnit.map((b) => b.label), [{ label: t('tickets'), data: d.byUnit.map((b) => b.count), backgroundColor: c.warn }], single)),
    card(t('byCategory'), chart('chart-category', t('byCategory'), 'bar', d.byCategory.map((b) => b.label), [{ label: t('tickets'), data: d.byCategory.map((b) => b.count), backgroundColor: c.ok }], single)),
    card(t('responseTimes'), chart('chart-times', t('responseTimes'), 'bar', d.months.map((m) => m.month), [
      { label: t('firstMedian'), data: d.months.map((m) => m.firstResponse.medianHours), backgroundColor: c.brand },
      { label: t('firstP90'), data: d.months.map((m) => m.firstResponse.p90Hours), backgroundColor: c.neutral },
      { label: t('closeMedian'), data: d.months.map((m) => m.close.medianHours), backgroundColor: c.ok },
      { label: t('closeP90'), data: d.months.map((m) => m.close.p90Hours), backgroundColor: c.warn }], { scales: { y: { beginAtZero: true, title: { display: true, text: t('hours') } } } }),
      h('p', { class: 'muted' }, `${t('firstResponse')}: ${t('median')} ${hours(d.firstResponse.medianHours)}, p90 ${hours(d.firstResponse.p90Hours)} · ${t('close')}: ${t('median')} ${hours(d.close.medianHours)}, p90 ${hours(d.close.p90Hours)}`))),
    form, h('div', { class: 'grid' }, h('section', { class: 'card wide', 'aria-label': t('tickets') }, h('h2', {}, t('tickets')),
      table(t('tickets'), [t('number'), t('category'), t('unit'), t('status'), t('submitted'), t('submitter'), t('content')],
        d.tickets.map((x) => [h('button', { type: 'button', onclick: () => open(x.number), 'aria-label': t('open') + ' ' + x.number }, x.number), x.categoryLabel, x.unitLabel ?? '—', x.statusLabel, x.createdAt,
          x.anonymous ? t('anonymous') : x.memberName ?? '', x.excerpt])))), detail);
  if (params.get('ticket')) await open(params.get('ticket'));
}

function ticketView(d, container) {
  const x = d.ticket;
  const message = h('div');
  const act = async (action, extra = {}) => {
    const r = await api('feedback/' + encodeURIComponent(x.number), { action, version: x.version, ...extra });
    container.replaceChildren(ticketView(r.ticket, container));
    container.prepend(note(r.ok ? t('done') : r.error, !r.ok));
  };
  const resolved = x.status === 'resolved';
  const unit = h('select', { id: 'route-unit' }, h('option', { value: 'partycommittee' }, t('unitConduct')), h('option', { value: 'unionandwomen' }, t('unitLivelihood')));
  const reply = h('textarea', { id: 'reply-text', maxlength: 2000 });
  return h('section', { class: 'card', 'aria-label': x.number },
    h('h2', { tabindex: -1 }, `${x.number} · ${x.statusLabel}`), message,
    h('dl', {}, h('dt', {}, t('category')), h('dd', {}, x.categoryLabel), h('dt', {}, t('unit')), h('dd', {}, x.unitLabel ?? '—'),
      h('dt', {}, t('submitter')), h('dd', {}, x.anonymous ? t('anonymous') : x.memberName ?? ''), d.contact ? [h('dt', {}, t('contact')), h('dd', {}, d.contact)] : null,
      h('dt', {}, t('submitted')), h('dd', {}, x.createdAt), h('dt', {}, t('content')), h('dd', {}, d.content),
      d.rating ? [h('dt', {}, t('rating')), h('dd', {}, d.rating)] : null),
    h('h3', {}, t('history')), table(t('history'), [t('time'), t('who'), t('what')], d.history.map((e) => [e.at.replace('T', ' ').slice(0, 16), e.actor, t('action_' + e.action) + (e.detail ? '：' + e.detail : '')])),
    resolved ? null : h('div', { class: 'actions' },
      x.status === 'new' ? h('button', { type: 'button', class: 'primary', onclick: () => act('accept') }, t('accept')) : null,
      h('label', {}, t('routeTo'), unit), h('button', { type: 'button', onclick: () => act('route', { unit: unit.value }) }, t('route')),
      h('button', { type: 'button', onclick: () => act('resolve') }, t('resolve'))),
    resolved ? null : h('div', { class: 'actions' }, h('label', { style: 'flex:1' }, t('reply'), reply), h('button', { type: 'button', class: 'primary', onclick: () => act('reply', { reply: reply.value }) }, t('sendReply'))));
}

async function announcements(main) {
  const rows = await api('announcements');
  const c = palette();
  const status = h('div');
  const remind = (a) => h('button', { type: 'button', disabled: !a.canRemind, 'aria-label': t('remind') + ' ' + a.title, onclick: async () => {
    const r = await api(`announcements/${a.id}/remind`, {});
    status.replaceChildren(note(r.ok ? r.message : r.error, !r.ok));
  } }, t('remind'));
  const shown = rows.filter((a) => a.sentAt);
  main.append(h('h1', {}, t('announcements')), status, h('div', { class: 'grid' },
    card(t('readChart'), chart('chart-reads', t('readChart'), 'bar', shown.map((a) => a.title.slice(0, 16)), [
      { label: t('read'), data: shown.map((a) => a.read), backgroundColor: c.ok },
      { label: t('unread'), data: shown.map((a) => a.delivered - a.read), backgroundColor: c.neutral },
      { label: t('failed'), data: shown.map((a) => a.failed), backgroundColor: c.bad }], { ...stacked, indexAxis: 'y' })),
    card(t('announcements'), table(t('announcements'), [t('title'), t('audience'), t('sentAt'), t('delivered'), t('read'), t('failed'), ''],
      rows.map((a) => [a.title, a.audience, a.sentAt ?? t('stage' + a.stage), a.delivered, a.read, a.failed, remind(a)]), [3, 4, 5]))));
  main.querySelectorAll('.card').forEach((el) => el.classList.add('wide'));
}

async function qa(main) {
  const d = await api('qa');
  const c = palette();
  const status = h('div');
  const resolve = async (item, body) => { const r = await api('qa/' + item.id, body); status.replaceChildren(note(r.ok ? r.note : t('error'), !r.ok)); };
  main.append(h('h1', {}, t('qa')), status, h('div', { class: 'grid' },
    card(t('topics'), chart('chart-topics', t('topics'), 'bar', d.topics.map((x) => x.label.slice(0, 18)), [
      { label: '👍', data: d.topics.map((x) => x.up), backgroundColor: c.ok }, { label: '👎', data: d.topics.map((x) => x.down), backgroundColor: c.bad }], stacked),
      table(t('topMissed'), [t('question'), t('times')], d.topMissed.map((m) => [m.question, m.count]), [1])),
    card(t('overTime'), chart('chart-qa-months', t('overTime'), 'line', d.months.map((m) => m.month), [
      { label: t('refused'), data: d.months.map((m) => m.refused), borderColor: c.warn, backgroundColor: c.warn },
      { label: '👎', data: d.months.map((m) => m.down), borderColor: c.bad, backgroundColor: c.bad }], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } })),
    h('section', { class: 'card wide', 'aria-label': t('queue') }, h('h2', {}, t('queue')), d.queue.length ? d.queue.map((item) => h('article', { class: 'card', style: 'margin-bottom:8px' },
      h('p', {}, h('strong', {}, item.question), ' ', h('span', { class: 'pill' }, item.reason), ' ', h('span', { class: 'muted' }, `×${item.count}`)),
      item.candidates.map((cand) => h('div', { class: 'actions' }, h('span', { style: 'flex:1' }, h('span', { class: 'muted' }, cand.label + '：'), cand.text),
        h('button', { type: 'button', 'aria-label': t('link') + ' ' + cand.sentenceId, onclick: () => resolve(item, { action: 'link', sentenceId: cand.sentenceId }) }, t('link')))),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => resolve(item, { action: 'dismiss' }) }, t('dismiss'))))) : h('p', { class: 'muted' }, t('none')))));
}

async function start() {
  setTheme(params.get('theme'));
  if (inTeams) {
    teams = await import('@microsoft/teams-js');
    await teams.app.initialize();
    const context = await teams.app.getContext();
    if (!params.get('theme')) setTheme(context.app.theme);
    teams.app.registerOnThemeChangeHandler((theme) => { setTheme(theme); location.reload(); });
  }

  const main = document.getElementById('main');
  nav();
  try {
    const me = await api('me');
    lang = me.language;
    csrf = me.csrf;
    nav();
    main.replaceChildren();
    await { overview, attendance, feedback, announcements, qa }[page](main);
  } catch (error) {
    main.replaceChildren(h('h1', {}, t('console')), note(error.message, true));
  }
  document.body.dataset.ready = 'true';
}

start();
