// 管理后台: one small page per section, filled from /console/api. All text goes in with textContent (member text is
// never HTML). In the Teams tab (?host=teams) every API call carries a Teams SSO token; in a browser the session cookie
// from the sign-in link, plus the antiforgery header on POSTs. Controls are Fluent UI web components (Fluent 2, the
// look of Teams), themed with the Teams light, dark and high-contrast tokens.
import { Chart, BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Legend, Tooltip } from 'chart.js';
import { setTheme as applyTokens } from '@fluentui/web-components/theme/index.js';
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/tokens';
import '@fluentui/web-components/anchor-button.js';
import '@fluentui/web-components/badge.js';
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/dropdown.js';
import '@fluentui/web-components/listbox.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/option.js';
import '@fluentui/web-components/textarea.js';
import { texts } from './texts.js';

Chart.register(BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Legend, Tooltip);

const params = new URLSearchParams(location.search);
const inTeams = params.get('host') === 'teams';
const pages = ['overview', 'attendance', 'feedback', 'announcements', 'qa'];
const page = pages.includes(location.pathname.split('/')[2]) ? location.pathname.split('/')[2] : 'overview';
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
let lang = (navigator.language || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
let csrf = null;
let teams = null;
let ids = 0;
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

/** Teams' theme names (default, dark, contrast) or light/dark; none: the system's colour scheme. */
function setTheme(name) {
  const theme = name === 'contrast' ? 'contrast' : name === 'dark' || (!name && darkScheme.matches) ? 'dark' : 'light';
  applyTokens({ light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme }[theme]);
  document.documentElement.dataset.theme = theme;
  const css = getComputedStyle(document.documentElement);
  Chart.defaults.color = css.getPropertyValue('--colorNeutralForeground2').trim();
  Chart.defaults.borderColor = css.getPropertyValue('--colorNeutralStroke2').trim();
  Chart.defaults.font.family = css.getPropertyValue('--fontFamilyBase').trim() || undefined;
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

/** A console address that keeps the Teams host and a forced theme. */
function link(p, query = {}) {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
  if (inTeams) q.set('host', 'teams');
  if (params.get('theme')) q.set('theme', params.get('theme'));
  return '/console/' + p + (q.size ? '?' + q : '');
}

function nav() {
  const list = h('ul', {}, pages.map((p) => h('li', {}, h('fluent-anchor-button', { href: link(p), appearance: p === page ? 'primary' : 'subtle', 'aria-current': p === page ? 'page' : null }, t(p)))));
  document.getElementById('nav').replaceChildren(list);
  document.getElementById('nav').setAttribute('aria-label', t('console'));
  document.getElementById('brand').textContent = t('console');
  document.getElementById('skip').textContent = t('skip');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = t(page) + ' · ' + t('console');
}

/** Chart colours from the Fluent palette tokens of the current theme. */
const palette = () => {
  const css = getComputedStyle(document.documentElement);
  const v = (n) => css.getPropertyValue('--' + n).trim();
  return {
    ok: v('colorPaletteGreenForeground1'), approved: v('colorPaletteTealForeground2'), rejected: v('colorPaletteDarkOrangeForeground1'),
    warn: v('colorPaletteMarigoldForeground1'), bad: v('colorPaletteRedForeground1'), failed: v('colorPaletteBerryForeground1'),
    neutral: v('colorNeutralForeground4'), brand: v('colorBrandForeground1'),
  };
};

// ---- Fluent controls ----

const button = (label, onclick, { primary = false, ariaLabel = null, disabled = false, action = null } = {}) =>
  h('fluent-button', { appearance: primary ? 'primary' : null, 'aria-label': ariaLabel, disabled, onclick, 'data-action': action }, label);

const badge = (text, color = 'informative') => h('fluent-badge', { appearance: 'tint', color, shape: 'rounded' }, text);

/** A labelled field: the label above its control, joined by for/aria-labelledby (Fluent inputs are form-associated). */
function field(label, control) {
  const id = control.id || (control.id = 'f' + ++ids);
  const labelId = id + '-label';
  control.setAttribute('aria-labelledby', labelId);
  return h('div', { class: 'field' }, h('label', { id: labelId, for: id }, label), control);
}

/** A Fluent dropdown with an 全部 choice first; its value is read on submit. */
function dropdown(name, options, selected) {
  return h('fluent-dropdown', { name, id: 'filter-' + name, placeholder: t('all') },
    h('fluent-listbox', {}, [{ code: '', label: t('all') }, ...options].map((o) => h('fluent-option', { value: o.code, selected: (selected ?? '') === o.code }, o.label))));
}

/**
 * Fluent's dropdown draws its combobox as a button in the page, but without the label's name and without aria-expanded
 * while closed: give it both, and keep aria-expanded="false" whenever the component drops the attribute.
 */
function nameDropdowns(root) {
  for (const dropdown of root.querySelectorAll('fluent-dropdown')) {
    const control = dropdown.control;
    if (!control) { requestAnimationFrame(() => nameDropdowns(root)); return; }
    if (control.dataset.named) continue;
    control.dataset.named = 'true';
    control.setAttribute('aria-labelledby', dropdown.getAttribute('aria-labelledby'));
    const closed = () => { if (!control.hasAttribute('aria-expanded')) control.setAttribute('aria-expanded', 'false'); };
    closed();
    new MutationObserver(closed).observe(control, { attributes: true, attributeFilter: ['aria-expanded'] });
  }
}

/** A filter bar that navigates to this page with the chosen values (no form post: the page reads its query). */
function filters(controls, read) {
  return h('form', { class: 'filters', role: 'search', 'aria-label': t('filters'), onsubmit: (e) => { e.preventDefault(); location.assign(link(page, read())); } },
    controls, h('fluent-button', { type: 'submit', appearance: 'primary' }, t('apply')));
}

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

/** A Fluent-styled data table (header, row lines, numbers right-aligned); scrolls sideways inside its card when narrow. */
function table(caption, head, rows, numeric = []) {
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', { class: 'grid-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'n' : null }, c)))),
    h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((c, i) => h('td', { class: numeric.includes(i) ? 'n' : null }, c ?? '')))) : h('tr', {}, h('td', { colspan: head.length, class: 'muted' }, t('none'))))));
}

const card = (title, ...children) => h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
const note = (text, error) => h('fluent-message-bar', { class: 'note' + (error ? ' error' : ''), intent: error ? 'error' : 'success', role: error ? 'alert' : 'status', layout: 'multiline' }, text);
const stat = (id, value, label) => h('div', { class: 'stat' }, h('span', { class: 'big', id }, value), h('span', { class: 'muted' }, label));

// ---- pages ----

async function overview(main) {
  const o = await api('overview');
  const a = o.lastAnnouncement;
  main.append(h('h1', {}, t('overview')), h('div', { class: 'grid' },
    card(t('nextEvents'), table(t('nextEvents'), [t('event'), t('time')], o.nextEvents.map((e) => [e.title, e.time]))),
    card(t('openTickets'), stat('open-tickets', String(o.openTickets), t('openTickets')), h('p', {}, badge(t('newTickets') + ' ' + o.newTickets, o.newTickets ? 'warning' : 'subtle')),
      h('fluent-anchor-button', { href: link('feedback', { status: 'new' }) }, t('toFeedback'))),
    card(t('lastAnnouncement'), a ? [h('p', {}, a.title), stat('read-rate', a.delivered ? Math.round(100 * a.read / a.delivered) + '%' : '—', t('readRate')),
      h('p', { class: 'muted' }, `${t('read')} ${a.read} / ${t('delivered')} ${a.delivered} · ${t('failed')} ${a.failed}`)] : h('p', { class: 'muted' }, t('none'))),
    card(t('qaMonth'), h('dl', {}, h('dt', {}, t('asked')), h('dd', { id: 'qa-asked' }, String(o.qaThisMonth.asked)),
      h('dt', {}, t('up')), h('dd', { id: 'qa-up' }, String(o.qaThisMonth.up)), h('dt', {}, t('down')), h('dd', { id: 'qa-down' }, String(o.qaThisMonth.down)),
      h('dt', {}, t('refused')), h('dd', { id: 'qa-refused' }, String(o.qaThisMonth.refused))))));
}

/** The 出勤统计 card's partition, in its order. */
const attendanceColumns = ['attending', 'leaveApproved', 'leaveRejected', 'onLeave', 'absent', 'noAnswer', 'notDelivered'];

async function attendance(main) {
  const d = await api('attendance?' + new URLSearchParams({ from: params.get('from') ?? '', to: params.get('to') ?? '' }));
  const c = palette();
  const colours = { attending: c.ok, leaveApproved: c.approved, leaveRejected: c.rejected, onLeave: c.warn, absent: c.bad, noAnswer: c.neutral, notDelivered: c.failed };
  const from = h('input', { type: 'date', name: 'from', value: d.from, required: true, class: 'date' });
  const to = h('input', { type: 'date', name: 'to', value: d.to, required: true, class: 'date' });
  const form = filters([field(t('from'), from), field(t('to'), to)], () => ({ from: from.value, to: to.value }));
  const sets = (rows, get) => attendanceColumns.map((k) => ({ label: t(k), data: rows.map((r) => get(r)[k]), backgroundColor: colours[k] }));
  const figures = (x) => attendanceColumns.map((k) => x[k]);
  const status = h('div');
  const exportButton = (key) => button(t('csv'), async () => {
    const r = await api('attendance/export', { occurrence: key });
    status.replaceChildren(note(t('csvReady')));
    location.assign(r.url);
  }, { ariaLabel: t('csv') + ' ' + key });
  const heads = attendanceColumns.map(t);
  main.append(h('h1', {}, t('attendance')), form, status, h('div', { class: 'grid' },
    card(t('trend'), chart('chart-months', t('trend'), 'bar', d.months.map((m) => m.month), sets(d.months, (m) => m.counts), stacked),
      table(t('trend'), [t('month'), ...heads, t('rate')],
        d.months.map((m) => [m.month, ...figures(m.counts), m.attendanceRate === null ? '—' : m.attendanceRate + '%']), [1, 2, 3, 4, 5, 6, 7, 8]),
      h('p', { class: 'muted' }, t('leaveNote'))),
    card(t('occurrences'), table(t('occurrences'), [t('event'), t('time'), ...heads, ''],
      d.occurrences.map((o) => [o.title, o.time, ...figures(o.counts), exportButton(o.key)]), [2, 3, 4, 5, 6, 7, 8])),
    d.groups.length ? card(t('byGroup'), table(t('byGroup'), [t('event'), t('time'), t('group'), ...heads],
      d.occurrences.flatMap((o) => o.groups.map((g) => [o.title, o.time, g.group, ...figures(g.counts)])), [3, 4, 5, 6, 7, 8, 9])) : null,
    card(t('ledger'), table(t('ledger') + ` ${d.from} – ${d.to}`, [t('member'), ...heads],
      d.members.map((m) => [m.name, ...figures(m.counts)]), [1, 2, 3, 4, 5, 6, 7]))));
  main.querySelectorAll('.card').forEach((el) => el.classList.add('wide'));
}

const statusColours = { new: 'warning', accepted: 'informative', routed: 'brand', replied: 'brand', resolved: 'success' };

async function feedback(main) {
  const names = ['status', 'unit', 'category', 'month'];
  const d = await api('feedback?' + new URLSearchParams(names.map((f) => [f, params.get(f) ?? ''])));
  const c = palette();
  const choices = { status: d.byStatus, unit: d.byUnit, category: d.byCategory, month: d.months.map((m) => ({ code: m.month, label: m.month })) };
  const controls = Object.fromEntries(names.map((n) => [n, dropdown(n, choices[n], params.get(n))]));
  const form = filters(names.map((n) => field(t(n), controls[n])), () => Object.fromEntries(names.map((n) => [n, controls[n].value ?? ''])));
  const hours = (x) => (x === null ? '—' : x + ' h');
  const detail = h('div', { id: 'ticket' });
  const open = async (number) => { detail.replaceChildren(ticketView(await api('feedback/' + encodeURIComponent(number)), detail)); nameDropdowns(detail); detail.querySelector('h2')?.focus(); };
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
        d.tickets.map((x) => [button(x.number, () => open(x.number), { ariaLabel: t('open') + ' ' + x.number }), x.categoryLabel, x.unitLabel ?? '—', badge(x.statusLabel, statusColours[x.status]), x.createdAt,
          x.anonymous ? t('anonymous') : x.memberName ?? '', x.excerpt])))), detail);
  if (params.get('ticket')) await open(params.get('ticket'));
}

function ticketView(d, container) {
  const x = d.ticket;
  const act = async (action, extra = {}) => {
    const r = await api('feedback/' + encodeURIComponent(x.number), { action, version: x.version, ...extra });
    container.replaceChildren(ticketView(r.ticket, container));
    container.prepend(note(r.ok ? t('done') : r.error, !r.ok));
    nameDropdowns(container);
  };
  const resolved = x.status === 'resolved';
  const unit = h('fluent-dropdown', { id: 'route-unit' }, h('fluent-listbox', {},
    h('fluent-option', { value: 'partycommittee', selected: true }, t('unitConduct')), h('fluent-option', { value: 'unionandwomen' }, t('unitLivelihood'))));
  const reply = h('fluent-textarea', { id: 'reply-text', maxlength: 2000, resize: 'vertical', 'aria-label': t('reply') });
  return h('section', { class: 'card', 'aria-label': x.number },
    h('h2', { tabindex: -1 }, `${x.number} · ${x.statusLabel}`),
    h('dl', {}, h('dt', {}, t('category')), h('dd', {}, x.categoryLabel), h('dt', {}, t('unit')), h('dd', {}, x.unitLabel ?? '—'),
      h('dt', {}, t('status')), h('dd', {}, badge(x.statusLabel, statusColours[x.status])),
      h('dt', {}, t('submitter')), h('dd', {}, x.anonymous ? t('anonymous') : x.memberName ?? ''), d.contact ? [h('dt', {}, t('contact')), h('dd', {}, d.contact)] : null,
      h('dt', {}, t('submitted')), h('dd', {}, x.createdAt), h('dt', {}, t('content')), h('dd', {}, d.content),
      d.rating ? [h('dt', {}, t('rating')), h('dd', {}, d.rating)] : null),
    h('h3', {}, t('history')), table(t('history'), [t('time'), t('who'), t('what')], d.history.map((e) => [e.at.replace('T', ' ').slice(0, 16), e.actor, t('action_' + e.action) + (e.detail ? '：' + e.detail : '')])),
    resolved ? null : h('div', { class: 'actions' },
      x.status === 'new' ? button(t('accept'), () => act('accept'), { primary: true, action: 'accept' }) : null,
      field(t('routeTo'), unit), button(t('route'), () => act('route', { unit: unit.value }), { action: 'route' }),
      button(t('resolve'), () => act('resolve'), { action: 'resolve' })),
    resolved ? null : h('div', { class: 'actions' }, h('div', { class: 'grow' }, field(t('reply'), reply)), button(t('sendReply'), () => act('reply', { reply: reply.value }), { primary: true, action: 'reply' })));
}

async function announcements(main) {
  const rows = await api('announcements');
  const c = palette();
  const status = h('div');
  const remind = (a) => button(t('remind'), async () => {
    const r = await api(`announcements/${a.id}/remind`, {});
    status.replaceChildren(note(r.ok ? r.message : r.error, !r.ok));
  }, { ariaLabel: t('remind') + ' ' + a.title, disabled: !a.canRemind });
  const shown = rows.filter((a) => a.sentAt);
  main.append(h('h1', {}, t('announcements')), status, h('div', { class: 'grid' },
    card(t('readChart'), chart('chart-reads', t('readChart'), 'bar', shown.map((a) => a.title.slice(0, 16)), [
      { label: t('read'), data: shown.map((a) => a.read), backgroundColor: c.ok },
      { label: t('unread'), data: shown.map((a) => a.delivered - a.read), backgroundColor: c.neutral },
      { label: t('failed'), data: shown.map((a) => a.failed), backgroundColor: c.bad }], { ...stacked, indexAxis: 'y' })),
    card(t('announcements'), table(t('announcements'), [t('title'), t('audience'), t('sentAt'), t('delivered'), t('read'), t('failed'), ''],
      rows.map((a) => [a.title, a.audience, a.sentAt ?? badge(t('stage' + a.stage), 'subtle'), a.delivered, a.read, a.failed, remind(a)]), [3, 4, 5]))));
  main.querySelectorAll('.card').forEach((el) => el.classList.add('wide'));
}

async function qa(main) {
  const d = await api('qa');
  const c = palette();
  const status = h('div');
  const resolve = async (item, body) => { const r = await api('qa/' + item.id, body); status.replaceChildren(note(r.ok ? r.note : t('error'), !r.ok)); };
  main.append(h('h1', {}, t('qa')), status, h('div', { class: 'grid' },
    card(t('topics'), chart('chart-topics', t('topics'), 'bar', d.topics.map((x) => x.label.slice(0, 18)), [
      { label: t('asked'), data: d.topics.map((x) => x.asked), backgroundColor: c.brand }], { ...single, indexAxis: 'y' }),
      table(t('topics'), [t('topic'), t('asked')], d.topics.map((x) => [x.label, x.asked]), [1])),
    card(t('overTime'), chart('chart-qa-months', t('overTime'), 'line', d.months.map((m) => m.month), [
      { label: t('refused'), data: d.months.map((m) => m.refused), borderColor: c.warn, backgroundColor: c.warn },
      { label: t('down'), data: d.months.map((m) => m.down), borderColor: c.bad, backgroundColor: c.bad }], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }),
      table(t('overTime'), [t('month'), t('asked'), t('refused'), t('up'), t('down')], d.months.map((m) => [m.month, m.asked, m.refused, m.up, m.down]), [1, 2, 3, 4])),
    card(t('rated'), chart('chart-rated', t('rated'), 'bar', d.rated.map((x) => x.label.slice(0, 18)), [
      { label: t('up'), data: d.rated.map((x) => x.up), backgroundColor: c.ok }, { label: t('down'), data: d.rated.map((x) => x.down), backgroundColor: c.bad }], stacked),
      table(t('topMissed'), [t('question'), t('times')], d.topMissed.map((m) => [m.question, m.count]), [1])),
    h('section', { class: 'card wide', 'aria-label': t('queue') }, h('h2', {}, t('queue')), d.queue.length ? d.queue.map((item) => h('article', { class: 'item', 'aria-label': item.question },
      h('p', {}, h('strong', {}, item.question), ' ', badge(item.reason, item.reason === '未涉及' ? 'warning' : 'danger'), ' ', badge(`×${item.count}`, 'subtle')),
      item.candidates.map((cand) => h('div', { class: 'actions candidate' }, h('span', { class: 'grow' }, h('span', { class: 'muted' }, cand.label + '：'), cand.text),
        button(t('link'), () => resolve(item, { action: 'link', sentenceId: cand.sentenceId }), { ariaLabel: t('link') + ' ' + cand.sentenceId }))),
      h('div', { class: 'actions' }, button(t('dismiss'), () => resolve(item, { action: 'dismiss' }))))) : h('p', { class: 'muted' }, t('none')))));
}

async function render() {
  const main = document.getElementById('main');
  try {
    main.replaceChildren();
    await { overview, attendance, feedback, announcements, qa }[page](main);
    nameDropdowns(main);
  } catch (error) {
    main.replaceChildren(h('h1', {}, t('console')), note(error.message, true));
  }
}

async function start() {
  setTheme(params.get('theme'));
  if (inTeams) {
    teams = await import('@microsoft/teams-js');
    await teams.app.initialize();
    const context = await teams.app.getContext();
    if (!params.get('theme')) setTheme(context.app.theme);
    teams.app.registerOnThemeChangeHandler((theme) => { setTheme(theme); render(); });
  } else if (!params.get('theme')) {
    // The system switched between light and dark: new tokens, and the charts drawn again in the new colours.
    darkScheme.addEventListener('change', () => { setTheme(null); render(); });
  }

  nav();
  try {
    const me = await api('me');
    lang = me.language;
    csrf = me.csrf;
    nav();
    await render();
  } catch (error) {
    document.getElementById('main').replaceChildren(h('h1', {}, t('console')), note(error.message, true));
  }
  document.body.dataset.ready = 'true';
}

start();
