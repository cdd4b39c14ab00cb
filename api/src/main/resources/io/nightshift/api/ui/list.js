'use strict';
// The task list, kept live without a reload: every few seconds the page asks again and changes only the rows whose
// task changed, so nothing flickers and a focused link keeps its focus. A list row carries what the execution
// record tells (ListTasks stays cheap); the progress, tokens and cost come from each task's own view (GetTask),
// asked again only while the task runs: an ended task's view no longer changes. The filters (states, labels) and the
// page size live in the URL's fragment, #/?state=RUNNING&label=team%3Dchem&page_size=20&page=TOKEN, so a reload or a
// shared link shows the same list; the page token goes along with the filters and size it was given for, as the API
// asks. The API pages forward only, so "newer tasks" goes back to the page this page was reached from (remembered
// here as the pages are walked), or to the newest page where this page was opened directly.

const LIST_REFRESH_MILLIS = 3000;
const FINAL_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
const LIST_STATES = ['PLANNING', 'RUNNING', 'PAUSED', 'AWAITING_APPROVAL', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const MAX_PAGE_SIZE = 200;    // as GET /api/tasks allows (TaskListQuery)
const taskViews = new Map(); // id -> the task's last view (GetTask), for its progress, tokens and cost
const newerPages = new Map(); // a listed page's fragment -> the fragment of the page whose "older tasks" led to it

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
    el('td', {}, t.pipeline, labelTags(t.labels)),
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
function updateRows(tbody, tasks, filtered) {
  const wanted = tasks.map(t => {
    const row = taskRow(t);
    row.dataset.signature = row.textContent + '|' + (row.querySelector('.progress').dataset.progress || '');
    return row;
  });
  if (!wanted.length) {
    if (!tbody.querySelector('tr[data-empty]')) {
      tbody.replaceChildren(el('tr', { 'data-empty': true }, el('td', { colspan: 8 }, filtered
        ? ['No task matches these filters. ', el('a', { href: '#/' }, 'Show all tasks'), '.']
        : ['No tasks yet. ', el('a', { href: '#/submit' }, 'Submit one'), ', or use `nightshift submit`.'])));
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

/**
 * The list's filters, page size and page as the fragment {@code hash} gives them: {states, labels ('key=value'),
 * pageSize (text, empty for the server's default), page}.
 */
function listFilterOf(hash) {
  const query = new URLSearchParams(hash.startsWith('#/?') ? hash.slice(3) : '');
  return { states: query.getAll('state'), labels: query.getAll('label'), pageSize: query.get('page_size') || '',
    page: query.get('page') };
}

/** The fragment that shows {@code filter}'s list. */
function listHash(filter) {
  const query = new URLSearchParams();
  filter.states.forEach(s => query.append('state', s));
  filter.labels.forEach(l => query.append('label', l));
  if (filter.pageSize) query.append('page_size', filter.pageSize);
  if (filter.page) query.append('page', filter.page);
  const text = query.toString();
  return '#/' + (text ? '?' + text : '');
}

/** {@code filter} as GET /api/tasks's query parameters (TaskListQuery on the server). */
function listApiQuery(filter) {
  const query = new URLSearchParams();
  filter.states.forEach(s => query.append('state', s));
  filter.labels.forEach(l => query.append('label', l));
  if (filter.pageSize) query.append('page_size', filter.pageSize);
  if (filter.page) query.append('page_token', filter.page);
  return query.toString();
}

/** The page size typed into {@code input} (empty: the server's default), or null when it is not 1 to the most. */
function pageSizeOf(input) {
  const text = input.value.trim();
  if (!text) return '';
  return /^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_PAGE_SIZE ? String(Number(text)) : null;
}

/** Shows or clears the error under the filter field {@code input}; answers whether there was none. */
function filterFieldOk(input, message) {
  const error = document.getElementById(input.id + '-error');
  error.hidden = !message;
  error.textContent = message || '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return !message;
}

/** The filter controls, showing {@code filter}; applying them starts again at the first page. */
function filterForm(filter) {
  const labels = el('input', { type: 'text', id: 'filter-labels', class: 'wide', value: filter.labels.join(' '),
    placeholder: 'team=chem study=mw', 'aria-describedby': 'filter-labels-hint filter-labels-error' });
  const pageSize = el('input', { type: 'text', inputmode: 'numeric', id: 'filter-page-size', class: 'narrow',
    value: filter.pageSize, placeholder: '50', 'aria-describedby': 'filter-page-size-hint filter-page-size-error' });
  const form = el('form', { id: 'list-filters', class: 'filters', novalidate: true },
    el('fieldset', {}, el('legend', {}, 'State'), el('div', { class: 'row' }, LIST_STATES.map(s =>
      el('label', { for: 'filter-state-' + s, class: 'choice' },
        el('input', { type: 'checkbox', id: 'filter-state-' + s, value: s, checked: filter.states.includes(s) }),
        ' ' + s.toLowerCase().replace('_', ' '))))),
    el('div', { class: 'field' }, el('label', { for: 'filter-labels' }, 'Labels'), labels,
      el('p', { class: 'hint', id: 'filter-labels-hint' }, 'key=value, several apart by spaces: tasks with all of them'),
      el('p', { class: 'field-error', id: 'filter-labels-error', hidden: true })),
    el('div', { class: 'field' }, el('label', { for: 'filter-page-size' }, 'Per page'), pageSize,
      el('p', { class: 'hint', id: 'filter-page-size-hint' }, '1 to ' + MAX_PAGE_SIZE + '; empty: 50'),
      el('p', { class: 'field-error', id: 'filter-page-size-error', hidden: true })),
    el('div', { class: 'controls' },
      el('button', { type: 'submit', class: 'primary', id: 'filter-apply' }, 'Filter'),
      el('a', { href: listHash({ states: [], labels: [], pageSize: filter.pageSize, page: null }), class: 'button',
        id: 'filter-clear' }, 'Clear')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const pairs = labels.value.split(/[\s,]+/).filter(Boolean);
    const bad = pairs.filter(p => p.indexOf('=') < 1);
    const size = pageSizeOf(pageSize);
    const sizeOk = filterFieldOk(pageSize, size === null ? 'a whole number from 1 to ' + MAX_PAGE_SIZE : null);
    const labelsOk = filterFieldOk(labels, bad.length ? '"' + bad.join('", "') + '" is not key=value' : null);
    if (!labelsOk || !sizeOk) {
      (labelsOk ? pageSize : labels).focus();
      return;
    }
    const states = LIST_STATES.filter(s => document.getElementById('filter-state-' + s).checked);
    location.hash = listHash({ states, labels: pairs, pageSize: size, page: null });
  });
  return form;
}

/** The list page: built once, then kept up to date by {@link refreshList} until the page leaves it. */
function showList(filter) {
  view.replaceChildren(
    el('div', { class: 'title-row' }, el('h1', {}, 'Tasks'),
      el('a', { href: '#/submit', class: 'button primary', id: 'submit-link' }, 'Submit a task')),
    filterForm(filter),
    el('div', { class: 'table-scroll' }, el('table', { id: 'tasks' },
      el('caption', { class: 'visually-hidden' }, 'Tasks, newest first'),
      el('thead', {}, el('tr', {}, ['Task', 'Pipeline', 'State', 'Progress', 'Tokens', 'Cost', 'Created', 'Goal']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, el('tr', {}, el('td', { colspan: 8, class: 'meta' }, 'Loading…'))))),
    el('nav', { id: 'pages', class: 'pages', 'aria-label': 'pages of tasks' }));
  return refreshList(filter);
}

async function refreshList(filter) {
  let page;
  try {
    const query = listApiQuery(filter);
    page = await getJson('/api/tasks' + (query ? '?' + query : ''));
    await refreshViews(page.tasks || []);
  } catch (e) {
    say(e.message);
    setLive(false);
    return;
  }
  const tbody = document.querySelector('#tasks tbody');
  if (!tbody) return; // the page moved on while this was asked
  const filtered = filter.states.length + filter.labels.length > 0;
  updateRows(tbody, page.tasks || [], filtered);
  updatePageLinks(filter, page.nextPageToken);
  setLive(true);
}

/** The links to the page before and after this one, redrawn only when one changed (a focused link keeps focus). */
function updatePageLinks(filter, nextPageToken) {
  const here = listHash(filter);
  const links = [];
  if (filter.page) {
    const newer = newerPages.get(here);
    links.push(el('a', { href: newer || listHash(Object.assign({}, filter, { page: null })), id: 'newer-link',
      rel: 'prev' }, newer ? 'newer tasks' : 'newest tasks'));
  }
  if (nextPageToken) {
    const older = listHash(Object.assign({}, filter, { page: nextPageToken }));
    newerPages.set(older, here);
    // a page left open for days meets a new first page with each new task: keep the latest walks only
    if (newerPages.size > 500) newerPages.delete(newerPages.keys().next().value);
    links.push(el('a', { href: older, id: 'older-link', rel: 'next' }, 'older tasks'));
  }
  const nav = document.getElementById('pages');
  const signature = links.map(a => a.getAttribute('href')).join(' ');
  if (nav.dataset.links !== signature) {
    nav.dataset.links = signature;
    nav.replaceChildren(...links);
  }
}
