'use strict';
// The backends page: each accelerator pool with its devices and their telemetry, its leases, its price, and the
// model endpoints on it with their health, circuit breakers and load (BackendService.ListBackends). It asks again
// every few seconds and redraws only when something other than the observation times changed.

const BACKENDS_REFRESH_MILLIS = 5000;
const enumName = (s, prefix) => (s || '').replace(prefix, '');
const gib = bytes => (Number(bytes) / 2 ** 30).toFixed(1) + ' GiB';
const table = (id, headers, rows) => rows.length ? el('div', { class: 'table-scroll' }, el('table', { id },
  el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows))) : '';

function healthBadge(health) {
  const state = enumName(health && health.state, 'HEALTH_STATE_');
  return el('span', { class: 'state health-' + state, 'data-health': state, title: (health && health.detail) || '' },
    state || 'UNKNOWN');
}

function deviceRows(pool) {
  return (pool.devices || []).map(d => {
    const tm = d.telemetry || {};
    const opt = (v, f) => v === undefined ? '' : f(v);
    return el('tr', { 'data-device': d.id },
      el('td', {}, d.id), el('td', { class: 'num' }, d.index), el('td', {}, d.name),
      el('td', { class: 'num' }, d.memoryBytes && d.memoryBytes !== '0' ? gib(d.memoryBytes) : ''),
      el('td', {}, d.group), el('td', {}, d.leased ? 'leased' : 'free'),
      el('td', { class: 'num' }, opt(tm.utilizationPercent, v => v.toFixed(0) + ' %')),
      el('td', { class: 'num' }, opt(tm.memoryUsedBytes, gib)),
      el('td', { class: 'num' }, opt(tm.powerWatts, v => v.toFixed(0) + ' W')),
      el('td', { class: 'num' }, opt(tm.temperatureCelsius, v => v.toFixed(0) + ' °C')));
  });
}

function leaseRows(pool) {
  return (pool.leases || []).map(l => el('tr', { 'data-lease': l.id },
    el('td', {}, l.id), el('td', {}, l.owner), el('td', {}, (l.deviceIds || []).join(', ')),
    el('td', {}, Object.entries(l.environment || {}).map(([k, v]) => k + '=' + v).join(' ')),
    el('td', {}, when(l.grantedAt))));
}

function guardsLine(g) {
  const rate = g.failureRatePercent < 0 ? 'too few calls for a rate' : g.failureRatePercent.toFixed(0) + ' % failed';
  return g.modelEndpointId + ': circuit ' + enumName(g.circuitState, 'CIRCUIT_STATE_') + ' (' + rate + ', '
    + g.bufferedCalls + ' calls, ' + g.notPermittedCalls + ' refused) · ' + g.availableConcurrentCalls + ' of '
    + g.maxConcurrentCalls + ' slots free · ' + g.availableRatePermits + ' rate permits, '
    + g.waitingForRatePermit + ' waiting';
}

function endpointRows(pool) {
  return (pool.endpoints || []).map(e => el('tr', { 'data-endpoint': e.id },
    el('td', {}, e.id), el('td', {}, e.model), el('td', {}, e.baseUrl),
    el('td', {}, e.attached ? 'attached' : 'on lease ' + e.leaseId),
    el('td', {}, healthBadge(e.health), ' ', el('span', { class: 'meta' }, (e.health && e.health.detail) || '')),
    el('td', {}, e.load ? e.load.requestsRunning + ' running, ' + e.load.requestsWaiting + ' waiting'
      + (e.load.kvCacheUsage !== undefined ? ', KV cache ' + (100 * e.load.kvCacheUsage).toFixed(0) + ' %' : '')
      : 'no load metrics'),
    el('td', {}, (e.guards || []).map(g => el('div', { class: 'guards', 'data-guard': g.modelEndpointId },
      guardsLine(g))))));
}

function poolSection(pool) {
  const price = pool.price || {};
  return el('section', { class: 'card pool', 'data-pool': pool.id, 'aria-labelledby': 'pool-' + pool.id },
    el('h2', { id: 'pool-' + pool.id }, pool.id, ' ', healthBadge(pool.health),
      pool.simulated ? el('span', { class: 'tag', 'data-simulated': pool.id }, 'simulated') : '',
      pool.circuitOpen ? el('span', { class: 'tag bad' }, 'circuit open') : ''),
    el('p', { class: 'meta' }, [pool.type, enumName(pool.kind, 'ACCELERATOR_KIND_').toLowerCase().replace('_', ' '),
      pool.freeUnits + ' of ' + pool.totalUnits + ' units free', 'speed ' + pool.speed,
      price.perUnitHour ? price.perUnitHour + ' ' + (price.currency || '') + ' per unit-hour'
        + (price.wattsPerUnit ? ', ' + price.wattsPerUnit + ' W per unit' : '') : 'no price',
      'queue ' + pool.taskQueue, (pool.models || []).length ? 'models ' + pool.models.join(', ') : 'any model']
      .join(' · ')),
    pool.health && pool.health.detail ? el('p', { class: pool.health.state === 'HEALTH_STATE_DOWN' ? 'error' : 'meta' },
      pool.health.detail) : '',
    pool.circuitDetail ? el('p', { class: 'error' }, pool.circuitDetail) : '',
    table('devices-' + pool.id, ['Device', 'Index', 'Name', 'Memory', 'Group', 'Lease', 'Utilization', 'Memory used',
      'Power', 'Temperature'], deviceRows(pool)),
    (pool.leases || []).length ? el('h3', {}, 'Leases') : '',
    table('leases-' + pool.id, ['Lease', 'Owner', 'Devices', 'Environment', 'Granted'], leaseRows(pool)),
    (pool.endpoints || []).length ? el('h3', {}, 'Model endpoints') : '',
    table('endpoints-' + pool.id, ['Endpoint', 'Model', 'URL', 'Runs', 'Health', 'Load', 'Call guards'],
      endpointRows(pool)));
}

let backendsShown = ''; // what the page shows now, less the observation times

function showBackends() {
  backendsShown = '';
  view.replaceChildren(el('h1', {}, 'Backends'), el('div', { id: 'backends' }, el('p', { class: 'meta' }, 'Loading…')));
  return refreshBackends();
}

async function refreshBackends() {
  let answer;
  try {
    answer = await getJson('/api/backends');
  } catch (e) {
    say(e.message);
    setLive(false);
    return;
  }
  const target = document.getElementById('backends');
  if (!target) return;
  setLive(true);
  const shown = JSON.stringify(answer, (k, v) => ['observedAt', 'checkedAt', 'at'].includes(k) ? undefined : v);
  if (shown === backendsShown) return;
  backendsShown = shown;
  const pools = answer.backends || [];
  target.replaceChildren(...(pools.length ? pools.map(poolSection)
    : [el('p', { class: 'meta' }, 'This runtime has no accelerator pools (start it with --backends FILE).')]));
}
