'use strict';
// The task list, kept live without a reload: every few seconds the page asks again and changes only the rows whose
// task changed, so nothing flickers and a focused link keeps its focus. A list row carries what the execution
// record tells (ListTasks stays cheap); the progress, tokens and cost come from each task's own view (GetTask),
// asked again only while the task runs: an ended task's view no longer changes.

const LIST_REFRESH_MILLIS = 3000;
const FINAL_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
const taskViews = new Map(); // id -> the task's last view (GetTask), for its progress, tokens and cost

/** The numbers a row shows, from a task's view: steps done of all, tokens and cost spent so far. */
function progressOf(t) {
  const counts = t.stepCounts || {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const done = (counts.STEP_STATE_SUCCEEDED || 0) + (counts.STEP_STATE_SKIPPED || 0);
  // int64 figures come as strings; a task budget also counts agent steps that ran off any pool
  const sum = values => Object.values(values || {}).reduce((a, b) => a + Number(b), 0);
  const budget = t.budget || {};
  const tokens = Math.max(sum(t.tokensByPool), Number(budget.tokensSpent || 0));
  const cost = Math.max(sum(t.costByPool), Number(budget.costSpent || 0));
  return { total, done, tokens, cost };
}

/** Cents where there are cents; a simulated pool's fractions of a cent with two significant digits. */
const money = x => x >= 0.01 ? x.toFixed(2) : x.toPrecision(2);

function progressCell(t) {
  const view = taskViews.get(t.id);
  if (!view) return el('td', { class: 'progress' }, el('span', { class: 'meta' }, '…'));
  const p = progressOf(view);
  return el('td', { class: 'progress', 'data-progress': p.done + '/' + p.total },
    el('progress', { max: Math.max(1, p.total), value: p.done, 'aria-label': 'steps done of ' + t.id }),
    ' ', el('span', { class: 'num' }, p.done + ' of ' + p.total));
}

function taskRow(t) {
  const view = taskViews.get(t.id);
  const state = taskState((view || t).state);
  const p = view ? progressOf(view) : null;
  return el('tr', { 'data-task': t.id },
    el('td', {}, el('a', { href: '#/tasks/' + encodeURIComponent(t.id) }, t.id)),
    el('td', {}, t.pipeline),
    el('td', {}, badge(state)),
    progressCell(t),
    el('td', { class: 'num', 'data-tokens': t.id }, p && p.tokens ? p.tokens.toLocaleString('en-US') : ''),
    el('td', { class: 'num', 'data-cost': t.id, title: p && p.cost ? String(p.cost) : null },
      p && p.cost ? money(p.cost) : ''),
    el('td', {}, when(t.createdAt)),
    el('td', { class: 'summary' }, t.goal));
}

/** Asks for the views of the listed tasks that may still change; a task that cannot be read keeps its list row. */
async function refreshViews(tasks) {
  const stale = tasks.filter(t => {
    const known = taskViews.get(t.id);
    return !known || !FINAL_STATES.includes(taskState(known.state));
  });
  await Promise.all(stale.map(t => getJson('/api/tasks/' + encodeURIComponent(t.id))
    .then(v => taskViews.set(t.id, v)).catch(() => {})));
}

/** Replaces the rows that changed, in place; the table is built once per visit. */
function updateRows(tbody, tasks) {
  const wanted = tasks.map(t => {
    const row = taskRow(t);
    row.dataset.signature = row.textContent + '|' + (row.querySelector('.progress').dataset.progress || '');
    return row;
  });
  if (!wanted.length) {
    if (!tbody.querySelector('tr[data-empty]')) {
      tbody.replaceChildren(el('tr', { 'data-empty': true }, el('td', { colspan: 8 }, 'No tasks yet. ',
        el('a', { href: '#/submit' }, 'Submit one'), ', or use `nightshift submit`.')));
    }
    return;
  }
  const current = [...tbody.querySelectorAll('tr[data-task]')];
  const sameTasks = tbody.children.length === current.length && current.length === wanted.length
    && current.every((r, i) => r.dataset.task === wanted[i].dataset.task);
  if (!sameTasks) {
    tbody.replaceChildren(...wanted);
    return;
  }
  current.forEach((row, i) => {
    if (row.dataset.signature !== wanted[i].dataset.signature) row.replaceWith(wanted[i]);
  });
}

/** The list page: built once, then kept up to date by {@link refreshList} until the page leaves it. */
function showList(pageToken) {
  view.replaceChildren(
    el('div', { class: 'title-row' }, el('h1', {}, 'Tasks'),
      el('a', { href: '#/submit', class: 'button primary', id: 'submit-link' }, 'Submit a task')),
    el('div', { class: 'table-scroll' }, el('table', { id: 'tasks' },
      el('caption', { class: 'visually-hidden' }, 'Tasks, newest first'),
      el('thead', {}, el('tr', {}, ['Task', 'Pipeline', 'State', 'Progress', 'Tokens', 'Cost', 'Created', 'Goal']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, el('tr', {}, el('td', { colspan: 8, class: 'meta' }, 'Loading…'))))),
    el('p', { id: 'older' }));
  return refreshList(pageToken);
}

async function refreshList(pageToken) {
  let page;
  try {
    page = await getJson('/api/tasks' + (pageToken ? '?page_token=' + encodeURIComponent(pageToken) : ''));
    await refreshViews(page.tasks || []);
  } catch (e) {
    say(e.message);
    setLive(false);
    return;
  }
  const tbody = document.querySelector('#tasks tbody');
  if (!tbody) return; // the page moved on while this was asked
  updateRows(tbody, page.tasks || []);
  const older = document.getElementById('older');
  const link = page.nextPageToken ? el('a', { href: '#/?page=' + encodeURIComponent(page.nextPageToken) }, 'older tasks') : '';
  if (older.textContent !== (link ? link.textContent : '')) older.replaceChildren(link);
  setLive(true);
}
