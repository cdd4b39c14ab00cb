'use strict';
// The task view's details beside its steps: labels, where a fork came from, the link to the raw workflow in
// Temporal's Web UI, the task's artifacts (ListArtifacts) as downloads, and the plan versions with what each changed.
// The task view is drawn again at every event, so what is asked separately (artifacts, links) is kept here and put
// into each drawing; it is asked again only when the task's steps may have made new artifacts.

let links = null;                 // GET /api/links, asked once per page load: {temporalWorkflows?: prefix}
const artifactLists = new Map();  // task id -> {signature, artifacts}, the last ListArtifacts pages

/** A task's labels as small tags, in key order; nothing for none. */
function labelTags(labels) {
  const entries = Object.entries(labels || {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? el('span', { class: 'labels' }, entries.map(([k, v]) =>
    el('span', { class: 'tag label', 'data-label': k }, k + '=' + v))) : '';
}

/** "forked from TASK at STEP", the source a link: only for a task ForkTask started. */
function forkedFrom(t) {
  return t.forkedFrom ? el('p', { class: 'meta', id: 'forked-from' }, 'forked from ',
    el('a', { href: '#/tasks/' + encodeURIComponent(t.forkedFrom), id: 'forked-from-link' }, t.forkedFrom),
    ' at ', el('code', {}, t.forkedFromStep)) : '';
}

/** The link to the task's workflow in Temporal's Web UI, where the runtime knows that UI (its local dev server). */
function temporalLink(t) {
  if (links === null) {
    links = {};
    getJson('/api/links').then(answer => {
      links = answer || {};
      if (shownTask && links.temporalWorkflows) renderTask(shownTask);
    }).catch(() => {}); // no link is the answer where it cannot be asked
  }
  return links.temporalWorkflows ? [' · ', el('a', { href: links.temporalWorkflows + encodeURIComponent(t.id),
    id: 'temporal-link', target: '_blank', rel: 'noopener' }, 'raw workflow in Temporal\'s Web UI')] : '';
}

/** The steps whose results the task took over rather than ran: its current plan version's kept steps. */
function keptSteps(t) {
  const versions = t.planVersions || [];
  return new Set(versions.length ? versions[versions.length - 1].keptSteps || [] : []);
}

/**
 * Each plan version with what it changed against the one before: steps added and removed, and the steps that kept
 * the results they had (for a fork's first version, the source's).
 */
function planVersionsTable(t) {
  const versions = t.planVersions || [];
  if (!versions.length || (versions.length === 1 && !(versions[0].keptSteps || []).length)) return '';
  const list = names => names.length ? names.join(', ') : '—';
  return el('div', {}, el('h2', {}, 'Plan versions'), el('div', { class: 'table-scroll' }, el('table', { id: 'plan-versions' },
    el('thead', {}, el('tr', {}, ['Version', 'Made by', 'Why', 'Added', 'Removed', 'Kept'].map(h => el('th', {}, h)))),
    el('tbody', {}, versions.map((v, i) => {
      const before = i ? versions[i - 1].steps || [] : [];
      const steps = v.steps || [];
      const added = i ? steps.filter(s => !before.includes(s)) : steps;
      const removed = before.filter(s => !steps.includes(s));
      return el('tr', { 'data-version': v.version },
        el('td', {}, 'v' + v.version), el('td', {}, v.origin || ''),
        el('td', { class: 'summary' }, v.reason || '', v.failedStep ? ' (after ' + v.failedStep + ')' : ''),
        el('td', { 'data-added': v.version }, list(added)), el('td', { 'data-removed': v.version }, list(removed)),
        el('td', { 'data-kept': v.version }, list(v.keptSteps || [])));
    })))));
}

/**
 * The task's artifacts with download links. Asked again only when what its steps have done changed (state and
 * step counts); the page in between shows the last list.
 */
function artifactsSection(t) {
  const signature = t.state + JSON.stringify(t.stepCounts || {});
  const known = artifactLists.get(t.id);
  if (!known || known.signature !== signature) {
    artifactLists.set(t.id, { signature, artifacts: known ? known.artifacts : null });
    listArtifacts(t.id).then(artifacts => {
      const now = artifactLists.get(t.id);
      if (now && now.signature === signature) now.artifacts = artifacts;
      const section = document.getElementById('artifacts');
      if (section && shownTask && shownTask.id === t.id) section.replaceChildren(...artifactRows(t.id, artifacts));
    }).catch(e => say(e.message));
  }
  const artifacts = artifactLists.get(t.id).artifacts;
  return el('div', {}, el('h2', {}, 'Artifacts'), el('div', { id: 'artifacts', class: 'table-scroll' },
    artifacts ? artifactRows(t.id, artifacts) : el('p', { class: 'meta' }, 'Loading…')));
}

/** Every page of ListArtifacts for the task. */
async function listArtifacts(taskId) {
  const all = [];
  let token = '';
  do {
    const page = await getJson('/api/tasks/' + encodeURIComponent(taskId) + '/artifacts'
      + (token ? '?page_token=' + encodeURIComponent(token) : ''));
    all.push(...(page.artifacts || []));
    token = page.nextPageToken || '';
  } while (token);
  return all;
}

function artifactRows(taskId, artifacts) {
  if (!artifacts.length) return [el('p', { class: 'meta' }, 'No artifacts yet.')];
  const size = bytes => { const n = Number(bytes || 0); return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MiB'
    : n >= 1024 ? (n / 1024).toFixed(1) + ' KiB' : n + ' B'; };
  return [el('table', {}, el('thead', {}, el('tr', {}, ['Step', 'What', 'Type', 'Size', 'Digest'].map(h => el('th', {}, h)))),
    el('tbody', {}, artifacts.map(a => el('tr', { 'data-artifact': a.ref.digest, 'data-kind': a.kind },
      el('td', {}, a.step || '(task)'), el('td', {}, a.kind.replace('_', ' ')), el('td', {}, mediaType(a.ref)),
      el('td', { class: 'num' }, size(a.ref.size)),
      el('td', {}, el('a', { href: artifactUrl(taskId, a.ref), download: true, class: 'download' },
        a.ref.digest.slice(0, 19) + '…'))))))];
}
