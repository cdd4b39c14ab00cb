'use strict';
// The Nightshift workflow UI: a task list, a live task view, a submit form and the backends over the runtime's JSON
// API (/api/...), which is the gRPC API's own messages as JSON. DOM is built with createElement and textContent
// only, so nothing a task says (goals, errors, model output) is ever read as HTML. This file holds what every page
// shares, the task view, an agent's conversation, a report and the routing; the other pages are in list.js,
// submit.js and backends.js, the step graph in graph.js, the confirmation dialog in confirm.js.

const view = document.getElementById('view');
const notice = document.getElementById('notice');
const live = document.getElementById('live');
let stream = null;        // the open EventSource of the task view
let timeline = null;      // the task view's timeline: entries by sequence, and how many the task no longer kept
let poller = null;        // the current page's repeating refresh: one at a time, stopped when the page changes

/** Runs {@code refresh} every {@code millis} after the last one ended, until the page changes. */
function keepRefreshing(refresh, millis) {
  const mine = {};
  poller = mine;
  const next = () => setTimeout(async () => {
    if (poller !== mine) return;
    await refresh();
    if (poller === mine) next();
  }, millis);
  next();
}

/** The header's dot: whether what the page shows is being kept up to date. */
function setLive(on) {
  live.className = on ? 'live on' : 'live';
  live.setAttribute('aria-label', on ? 'live updates on' : 'live updates off');
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const taskState = s => (s || '').replace('TASK_STATE_', '');
const stepState = s => (s || '').replace('STEP_STATE_', '');
const when = t => t ? new Date(t).toLocaleString() : '';
const badge = s => el('span', { class: 'state ' + s, 'data-state': s }, s);
const mediaType = ref => ref.mediaType || 'application/octet-stream';
const isHtml = type => type.split(';')[0].trim().toLowerCase() === 'text/html';
// the task whose view shows the artifact goes along: the API serves a digest only as one of a task of this tenant
const artifactUrl = (taskId, ref, suffix) => '/api/artifacts/' + encodeURIComponent(ref.digest) + (suffix || '')
  + '?task=' + encodeURIComponent(taskId) + '&type=' + encodeURIComponent(mediaType(ref));

/**
 * A step's output: an HTML report opens in the UI's viewer (a sandboxed frame), anything else downloads. Outputs are
 * whatever a tool or a model wrote, so none is ever opened as a page of this origin (the server enforces the same).
 */
const artifactLink = (taskId, ref, text) => !ref || !ref.digest ? ''
  : isHtml(mediaType(ref))
    ? el('a', { href: '#/artifacts/' + encodeURIComponent(ref.digest) + '?task=' + encodeURIComponent(taskId)
        + '&type=' + encodeURIComponent(mediaType(ref)), class: 'artifact' }, text || mediaType(ref))
    : el('a', { href: artifactUrl(taskId, ref), download: true, class: 'artifact' }, text || mediaType(ref));

/**
 * A step's unit telemetry on one line, as the CLI prints it (cli's TelemetryLine): a figure the executor did not
 * read is absent from the JSON and left out here, never shown as 0. int64 fields come as strings.
 */
function telemetryLine(tm) {
  const parts = [];
  const util = [];
  if (tm.meanUtilizationPercent !== undefined) util.push(tm.meanUtilizationPercent.toFixed(0) + ' % mean');
  if (tm.peakUtilizationPercent !== undefined) util.push(tm.peakUtilizationPercent.toFixed(0) + ' % peak');
  if (util.length) parts.push('util ' + util.join(' / '));
  if (tm.peakMemoryUsedBytes !== undefined) {
    parts.push('mem ' + (Number(tm.peakMemoryUsedBytes) / 2 ** 30).toFixed(1) + ' GiB peak');
  }
  if (tm.meanPowerWatts !== undefined) parts.push(tm.meanPowerWatts.toFixed(0) + ' W mean');
  if (tm.energyJoules !== undefined) {
    // below 0.01 kWh a short step would read 0.00 kWh: Wh then
    parts.push(tm.energyJoules >= 36000 ? (tm.energyJoules / 3.6e6).toFixed(2) + ' kWh'
      : (tm.energyJoules / 3600).toFixed(2) + ' Wh');
  }
  const samples = tm.samples || 0;
  parts.push(samples + (samples === 1 ? ' sample' : ' samples'));
  return parts.join(', ') + (tm.live ? ' so far' : '');
}

function say(message, ok) {
  notice.hidden = !message;
  notice.textContent = message || '';
  notice.className = 'notice' + (ok ? ' ok' : '');
}

/** The API's refusal in words: its code, message, and the fields it named. */
function describeError(body, status) {
  if (!body || !body.message) return 'request failed (HTTP ' + status + ')';
  const fields = (body.fields || []).map(f => f.field + ': ' + f.description).join('; ');
  return body.code + ': ' + body.message + (fields ? ' [' + fields + ']' : '');
}

/** Logged out (the session expired, or the API no longer takes its token): to the login page, back here after. */
function toLogin(status) {
  if (status === 401) location.assign('/login' + location.hash);
  return status === 401;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    toLogin(r.status);
    throw new Error(describeError(body, r.status));
  }
  return body;
}

async function act(taskId, action, body) {
  const r = await fetch('/api/tasks/' + encodeURIComponent(taskId) + '/' + action, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
  const answer = await r.json().catch(() => null);
  if (!r.ok) {
    toLogin(r.status);
    say(describeError(answer, r.status));
    return false;
  }
  say(action + ' sent to ' + taskId, true);
  return true;
}

// ---------- one task ----------

let shownTask = null; // the task view's last state, drawn again when the window's width changes

function showTask(id) {
  forking = null;
  view.replaceChildren(el('h1', {}, id), el('p', { class: 'meta' }, 'Loading…'));
  timeline = { entries: new Map(), lost: 0, task: null };
  // EventSource reconnects by itself after a drop, sending the last event's id (the task's sequence) as
  // Last-Event-ID: the server resumes after it, and entries are kept by sequence, so none shows twice
  stream = new EventSource('/api/tasks/' + encodeURIComponent(id) + '/events');
  stream.addEventListener('timeline', e => {
    const batch = JSON.parse(e.data);
    for (const entry of batch.entries || []) timeline.entries.set(Number(entry.sequence), entry);
    timeline.lost += Number(batch.lost || 0);
    if (timeline.task) renderTask(timeline.task);
  });
  stream.addEventListener('task', e => {
    setLive(true);
    timeline.task = JSON.parse(e.data);
    renderTask(timeline.task);
  });
  stream.addEventListener('end', () => { setLive(false); stream.close(); });
  stream.addEventListener('error', e => {
    setLive(false);
    if (e.data) {
      say(describeError(JSON.parse(e.data)));
    } else if (stream.readyState === EventSource.CLOSED) {
      // refused before the stream began (an unknown task): ask once more for the API's words
      getJson('/api/tasks/' + encodeURIComponent(id)).catch(err => {
        say(err.message);
        view.replaceChildren(el('h1', {}, id), el('p', { class: 'error', id: 'task-error' }, err.message));
      });
    }
  });
}

/** The room the step graph has: the page's width, less the graph frame's border. */
function graphWidth() {
  return view.clientWidth - parseFloat(getComputedStyle(view).paddingLeft)
    - parseFloat(getComputedStyle(view).paddingRight) - 2;
}

function renderTask(t) {
  shownTask = t;
  const state = taskState(t.state);
  const ended = ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(state);
  const focused = document.activeElement && document.activeElement.id;
  const kept = {};
  for (const input of view.querySelectorAll('input[id], textarea[id]')) kept[input.id] = input.value;
  const reused = keptSteps(t);

  const controls = el('div', { class: 'controls' },
    el('button', { id: 'pause', disabled: ended || state === 'PAUSED',
      onclick: () => act(t.id, 'pause', { reason: 'paused from the UI' }) }, 'Pause'),
    el('button', { id: 'resume', disabled: ended || state !== 'PAUSED', class: 'primary',
      onclick: () => act(t.id, 'resume') }, 'Resume'),
    el('button', { id: 'cancel', class: 'danger', disabled: ended, onclick: async () => {
      if (await confirmAction('Cancel task ' + t.id + '?', 'Running steps are stopped and no new step starts. A'
        + ' cancelled task cannot be resumed.', 'Cancel the task')) act(t.id, 'cancel', { reason: 'cancelled from the UI' });
    } }, 'Cancel'),
    el('input', { id: 'guidance', type: 'text', class: 'wide', placeholder: 'guidance for the running agents',
      'aria-label': 'guidance for the running agents', disabled: ended }),
    el('button', { id: 'steer', disabled: ended, onclick: () => {
      const g = document.getElementById('guidance');
      act(t.id, 'steer', { guidance: g.value }).then(ok => { if (ok) g.value = ''; });
    } }, 'Steer'));

  const awaiting = Object.entries(t.awaiting || {}).map(([step, why]) => el('div', { class: 'card', 'data-awaiting': step },
    el('strong', {}, step), ': ', why,
    el('div', { class: 'controls' },
      el('input', { id: 'comment-' + step, type: 'text', class: 'wide', placeholder: 'comment (recorded)',
        'aria-label': 'comment on ' + step + ' (recorded)' }),
      el('input', { id: 'tokens-' + step, type: 'number', min: 1, placeholder: 'raise max tokens to',
        'aria-label': 'raise max tokens of ' + step + ' to' }),
      el('input', { id: 'cost-' + step, type: 'text', placeholder: 'raise max cost to',
        'aria-label': 'raise max cost of ' + step + ' to' }),
      el('button', { class: 'primary', id: 'approve-' + step, onclick: () => {
        const body = { step, comment: document.getElementById('comment-' + step).value, by: 'ui' };
        const tokens = document.getElementById('tokens-' + step).value;
        const cost = document.getElementById('cost-' + step).value;
        if (tokens) body.maxTokens = tokens;
        if (cost) body.maxCost = cost;
        act(t.id, 'approve', body);
      } }, 'Approve'),
      el('button', { class: 'danger', id: 'reject-' + step, onclick: async () => {
        const comment = document.getElementById('comment-' + step).value;
        if (await confirmAction('Reject ' + step + ' of ' + t.id + '?', 'The step fails with your comment, and so'
          + ' does whatever needs it.', 'Reject the step')) act(t.id, 'reject', { step, comment, by: 'ui' });
      } }, 'Reject'))));

  const steps = el('table', { id: 'steps' },
    el('thead', {}, el('tr', {}, ['Step', 'Tool', 'State', 'Needs', 'Attempts', 'Time', 'Result', 'Where', 'Tokens',
      'Output', 'Fork'].map(h => el('th', {}, h)))),
    el('tbody', {}, (t.steps || []).map(s => el('tr', { 'data-step': s.name, 'data-state': stepState(s.state),
      'data-kept': reused.has(s.name) ? 'true' : null },
      el('td', {}, s.name),
      el('td', {}, s.kind === 'agent' ? el('a', { href: '#/tasks/' + encodeURIComponent(t.id) + '/agents/'
        + encodeURIComponent(s.name), class: 'conversation' }, 'agent: conversation') : s.tool),
      el('td', {}, badge(stepState(s.state)), reused.has(s.name) ? el('span', { class: 'tag kept',
        title: 'its result was kept' + (t.forkedFrom ? ' from ' + t.forkedFrom : ' from the plan before'),
        'data-kept-step': s.name }, 'kept') : ''),
      el('td', {}, (s.needs || []).join(', ')),
      el('td', { class: 'num' }, s.attempts || ''),
      el('td', { class: 'num', 'data-time': s.name, title: attemptsTitle(s) }, stepTime(s)),
      el('td', { class: s.error ? 'error' : s.waiting ? 'waiting' : 'summary' }, s.error || s.waiting || s.summary,
        s.telemetry ? el('div', { class: 'telemetry', 'data-telemetry': s.name, title: 'what its leased units showed'
          + (s.telemetry.live ? ' so far' : ' while it held them') }, 'units: ' + telemetryLine(s.telemetry)) : ''),
      el('td', { title: s.placement || '' }, s.pool || ''),
      el('td', { class: 'num' }, s.tokens && s.tokens !== '0' ? s.tokens : ''),
      el('td', {}, artifactLink(t.id, s.output)),
      el('td', {}, el('button', { id: 'fork-step-' + s.name, class: 'small', disabled: state === 'PLANNING',
        'aria-label': 'fork ' + t.id + ' from step ' + s.name, onclick: () => openFork(t, s.name) }, 'Fork from here'))))));

  const pools = Object.keys(Object.assign({}, t.unitSecondsByPool, t.costByPool, t.tokensByPool));
  const budget = t.budget;
  view.replaceChildren(
    el('h1', { id: 'task-id' }, t.id),
    el('div', {}, badge(state), ' ', el('span', { class: 'meta' }, t.pipeline,
      t.planVersion ? ' · plan v' + t.planVersion + (t.planOrigin ? ' (' + t.planOrigin + ')' : '') : ''), ' ',
      labelTags(t.labels)),
    forkedFrom(t),
    t.goal ? el('p', { class: 'summary' }, t.goal) : '',
    el('p', { class: 'meta' }, 'created ' + when(t.createdAt) + (t.endedAt ? ' · ended ' + when(t.endedAt)
      : ' · updated ' + when(t.updatedAt)), temporalLink(t)),
    t.error ? el('p', { class: 'error', id: 'task-error' }, t.error) : '',
    t.result && t.result.digest ? el('p', {}, 'Result: ', artifactLink(t.id, t.result, 'open the result')) : '',
    el('p', { class: 'counts', id: 'counts' }, Object.entries(t.stepCounts || {})
      .map(([k, v]) => el('span', { 'data-count': stepState(k) }, stepState(k).toLowerCase() + ' ' + v))),
    controls,
    awaiting.length ? el('h2', {}, 'Waiting for a decision') : '', el('div', { id: 'awaiting' }, awaiting),
    el('h2', {}, 'Steps'), (t.steps || []).length ? el('div', { class: 'dag' }, dagView(t.steps, graphWidth())) : '',
    el('div', { class: 'table-scroll' }, steps),
    forkForm(t),
    artifactsSection(t),
    budget ? el('div', {}, el('h2', {}, 'Budget'), el('table', { id: 'budget' }, el('tbody', {},
      el('tr', {}, el('th', {}, 'Tokens'), el('td', {}, budget.tokensSpent + ' spent, ' + budget.tokensReserved
        + ' reserved of ' + (budget.maxTokens && budget.maxTokens !== '0' ? budget.maxTokens : 'no limit'))),
      el('tr', {}, el('th', {}, 'Cost'), el('td', {}, (budget.costSpent || '0') + ' spent, ' + (budget.costReserved || '0')
        + ' reserved of ' + (budget.maxCost || 'no limit')))))) : '',
    t.deadline ? el('p', { id: 'deadline', class: t.deadline.reachable ? 'summary' : 'error' },
      'Deadline ' + when(t.deadline.at) + (t.deadline.reachable ? ' (reachable): ' : ' (NOT reachable): ')
        + t.deadline.detail) : '',
    t.placementSaving ? el('p', { id: 'placement-saving', class: 'meta' },
      'Placement saved ' + Number(t.placementSaving).toFixed(4) + ' against the fastest pools') : '',
    pools.length ? el('div', {}, el('h2', {}, 'Use by pool'), el('table', { id: 'pools' },
      el('thead', {}, el('tr', {}, ['Pool', 'Unit-seconds', 'Cost', 'Tokens'].map(h => el('th', {}, h)))),
      el('tbody', {}, pools.map(p => el('tr', {}, el('td', {}, p),
        el('td', { class: 'num' }, ((t.unitSecondsByPool || {})[p] || 0).toFixed(1)),
        el('td', { class: 'num' }, ((t.costByPool || {})[p] || 0).toFixed(4)),
        el('td', { class: 'num' }, (t.tokensByPool || {})[p] || 0)))))) : '',
    planVersionsTable(t),
    (t.decisions || []).length ? el('div', {}, el('h2', {}, 'Decisions'), el('table', { id: 'decisions' }, el('tbody', {},
      t.decisions.map(d => el('tr', {}, el('td', {}, d.step), el('td', {}, d.approved ? 'approved' : 'rejected'),
        el('td', {}, d.by || ''), el('td', { class: 'summary' }, d.comment || ''), el('td', {}, when(d.at))))))) : '',
    timelineView());

  // a live update must not eat what someone is typing
  for (const [id, value] of Object.entries(kept)) {
    const input = document.getElementById(id);
    if (input) input.value = value;
  }
  redrawForkErrors();
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

/** How long a step ran (so far, while it runs) and a map's items done, e.g. "1m 05s · 40/100 items". */
function stepTime(s) {
  const parts = [];
  if (s.startedAt) {
    const end = s.endedAt ? new Date(s.endedAt) : new Date();
    parts.push(duration(end - new Date(s.startedAt)) + (s.endedAt ? '' : '…'));
  }
  return [parts.join(''), s.items && s.items.total ? itemsBar(s) : ''];
}

/** A map step's items as a bar: done of total, with the failed and running counts in words beside it. */
function itemsBar(s) {
  const n = x => Number(x || 0);
  const { total, done, failed, running } = { total: n(s.items.total), done: n(s.items.done), failed: n(s.items.failed),
    running: n(s.items.running) };
  return el('div', { class: 'items', 'data-items': s.name },
    el('progress', { max: total, value: done, 'aria-label': 'items done of ' + s.name }),
    ' ' + done + '/' + total + ' items' + (running ? ', ' + running + ' running' : '')
      + (failed ? ', ' + failed + ' failed' : ''));
}

function duration(ms) {
  const sec = Math.max(0, Math.round(ms / 1000));
  if (sec < 60) return sec + 's';
  const min = Math.floor(sec / 60);
  if (min < 60) return min + 'm ' + String(sec % 60).padStart(2, '0') + 's';
  return Math.floor(min / 60) + 'h ' + String(min % 60).padStart(2, '0') + 'm';
}

/** Each attempt the workflow observed, for the time cell's tooltip. */
function attemptsTitle(s) {
  return (s.attemptLog || []).map(a => 'attempt ' + a.number + ': ' + a.outcome
    + (a.startedAt && a.endedAt ? ' in ' + duration(new Date(a.endedAt) - new Date(a.startedAt)) : '')
    + (a.error ? ' (' + a.error + ')' : '')).join('\n');
}

/** The task's timeline as the event stream brought it, oldest first. */
function timelineView() {
  if (!timeline || !timeline.entries.size) return '';
  const kind = k => (k || '').replace('TIMELINE_EVENT_KIND_', '').toLowerCase().replaceAll('_', ' ');
  const entries = [...timeline.entries.values()].sort((a, b) => Number(a.sequence) - Number(b.sequence));
  return el('div', {}, el('h2', {}, 'Timeline'),
    timeline.lost ? el('p', { class: 'meta' }, timeline.lost + ' earlier entries are no longer kept') : '',
    el('ol', { id: 'timeline', class: 'timeline' }, entries.map(e => el('li', { 'data-sequence': e.sequence },
      el('span', { class: 'meta' }, when(e.at)), ' ', el('strong', {}, kind(e.kind)), e.step ? ' ' + e.step : '',
      e.detail ? ': ' + e.detail : ''))));
}

// ---------- an agent step's conversation ----------

let conversationTimer = null;

async function showConversation(taskId, step) {
  let c;
  try {
    c = await getJson('/api/tasks/' + encodeURIComponent(taskId) + '/steps/' + encodeURIComponent(step)
      + '/conversation');
  } catch (e) {
    say(e.message);
    view.replaceChildren(el('h1', {}, taskId + ' · ' + step), el('p', { class: 'error', id: 'task-error' }, e.message));
    return;
  }
  setLive(c.phase !== 'ENDED');
  view.replaceChildren(
    el('p', {}, el('a', { href: '#/tasks/' + encodeURIComponent(taskId) }, '← ' + taskId)),
    el('h1', {}, 'Agent step ' + step),
    el('p', { class: 'meta', id: 'agent-meta' }, c.phase.toLowerCase().replace('_', ' ') + ' · ' + c.turns
      + ' model calls · ' + c.toolCalls + ' tool calls'
      + (c.compactions ? ' · ' + c.compactions + ' compaction(s)' : '')
      + (c.turnsLeftOut ? ' · ' + c.turnsLeftOut + ' turn(s) out of view' : '')
      + (c.stopReason ? ' · ended: ' + c.stopReason : '')
      + (c.agentId.includes('/resumed-') ? ' · resumed after a budget raise' : '')),
    c.omitted ? el('p', { class: 'meta' }, c.omitted + ' earlier messages not shown') : '',
    el('div', { id: 'messages' }, (c.messages || []).map(m => el('div', { class: 'message ' + m.role, 'data-role': m.role },
      el('div', { class: 'role' }, m.compaction ? compactionLabel(m.compaction)
        : m.role === 'TOOL' ? 'tool result · ' + m.toolName : m.role.toLowerCase()),
      m.call ? callUse(m.call) : '',
      m.text ? el('pre', {}, m.text) : '',
      m.compaction ? el('div', { class: 'call' }, 'the turns it replaces: ', el('code', {},
        m.compaction.replaced.digest)) : '',
      (m.toolCalls || []).map(call => el('div', { class: 'call' }, 'calls ', el('code', {}, call.name), ' with ',
        el('code', {}, call.argumentsJson)))))));
  if (c.phase !== 'ENDED' && !conversationTimer) {
    conversationTimer = setInterval(() => showConversation(taskId, step), 2000);
  } else if (c.phase === 'ENDED' && conversationTimer) {
    clearInterval(conversationTimer);
    conversationTimer = null;
  }
}

/**
 * What the model call behind an answer used, as the CLI prints it (cli's CallUseLine), with a bar of the window
 * the prompt took. A figure that was not known is absent from the JSON and left out here, never shown as 0.
 */
function callUse(u) {
  const n = x => Number(x).toLocaleString('en-US');
  const measured = u.promptTokens !== undefined;
  let line = '';
  if (measured) {
    line += 'prompt ' + n(u.promptTokens) + ' of ' + n(u.window || 0) + ' tokens';
    if (u.window) line += ' (' + Math.round(100 * u.promptTokens / u.window) + ' %)';
    if (u.turnsLeftOut) line += ', ' + n(u.turnsLeftOut) + ' turn(s) out of view';
    line += '; ';
  }
  line += 'served by ' + u.endpoint + (u.inputTokens !== undefined
    ? ': ' + n(u.inputTokens) + ' in + ' + n(u.outputTokens || 0) + ' out' : ' (no usage reported)');
  return el('div', { class: 'use' }, measured && u.window
    ? el('meter', { min: 0, max: u.window, value: u.promptTokens, high: Math.floor(u.window * 0.9),
        title: 'prompt tokens against the context window' }) : '',
    el('span', { class: 'use-line' }, line));
}

/** A compaction event: older turns summarised so the conversation fits the model's window. */
function compactionLabel(c) {
  return 'compaction · ' + (c.turns || 0) + ' turn(s) summarised · the prompt took ' + (c.promptTokens || 0)
    + ' of a ' + (c.window || 0) + '-token window';
}

// ---------- an HTML report ----------

/**
 * The report in a frame sandboxed twice (the attribute here, the server's CSP on the report): its scripts never
 * run, it has no origin of its own, so it can neither read this page nor act as it.
 */
function showReport(taskId, digest, type) {
  const ref = { digest: digest, mediaType: type };
  view.replaceChildren(
    el('h1', {}, 'Report ', el('span', { class: 'meta' }, digest)),
    el('p', { class: 'meta' }, type, ' · ', el('a', { href: artifactUrl(taskId, ref), download: true, id: 'download' },
      'download')),
    el('iframe', { id: 'report', class: 'report', sandbox: true, src: artifactUrl(taskId, ref, '/view'),
      title: 'report ' + digest }));
}

// ---------- routing ----------

function route() {
  if (stream) { stream.close(); stream = null; }
  poller = null;
  shownTask = null;
  if (conversationTimer) { clearInterval(conversationTimer); conversationTimer = null; }
  setLive(false);
  const hash = location.hash || '#/';
  for (const [id, prefix] of [['nav-tasks', '#/'], ['nav-submit', '#/submit'], ['nav-backends', '#/backends']]) {
    const current = prefix === '#/' ? hash === '#/' || hash.startsWith('#/?') || hash.startsWith('#/tasks')
      : hash.startsWith(prefix);
    if (current) document.getElementById(id).setAttribute('aria-current', 'page');
    else document.getElementById(id).removeAttribute('aria-current');
  }
  if (hash === '#/submit') {
    showSubmit();
    return;
  }
  if (hash === '#/backends') {
    showBackends();
    keepRefreshing(refreshBackends, BACKENDS_REFRESH_MILLIS);
    return;
  }
  const report = hash.match(/^#\/artifacts\/([^?]+)\?task=([^&]+)&type=(.+)$/);
  if (report) {
    showReport(decodeURIComponent(report[2]), decodeURIComponent(report[1]), decodeURIComponent(report[3]));
    return;
  }
  const agent = hash.match(/^#\/tasks\/([^/]+)\/agents\/(.+)$/);
  if (agent) {
    showConversation(decodeURIComponent(agent[1]), decodeURIComponent(agent[2]));
    return;
  }
  const task = hash.match(/^#\/tasks\/(.+)$/);
  if (task) {
    showTask(decodeURIComponent(task[1]));
    return;
  }
  const filter = listFilterOf(hash);
  showList(filter);
  keepRefreshing(() => refreshList(filter), LIST_REFRESH_MILLIS);
}

// ---------- who is logged in ----------

async function showWho() {
  const who = document.getElementById('who');
  const logout = document.getElementById('logout');
  let me;
  try {
    me = await getJson('/api/session');
  } catch (e) {
    return;
  }
  if (!me.login) {
    who.textContent = 'API authentication off';
    return;
  }
  who.replaceChildren(el('b', {}, me.role), ' · tenant ', el('b', {}, me.tenant), ' · ',
    me.via === 'link' ? 'login link' : me.name);
  who.title = me.name;
  logout.hidden = false;
  logout.addEventListener('click', async () => {
    await fetch('/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    location.assign('/login');
  });
}

window.addEventListener('hashchange', () => { say(''); route(); view.focus({ preventScroll: true }); });
let resized = null;
window.addEventListener('resize', () => {
  clearTimeout(resized);
  resized = setTimeout(() => { if (shownTask) renderTask(shownTask); }, 150);
});
showWho();
route();
