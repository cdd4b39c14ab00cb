'use strict';
// The step graph: layers of steps left to right (a step's layer is the longest chain of needs before it), wrapped
// into bands as lines of text wrap, so a long pipeline (the demo's 17 steps) fits the window's width instead of
// running off to the right. Plain SVG: the page loads nothing from elsewhere.

const SVG = 'http://www.w3.org/2000/svg';
const NODE = { width: 160, height: 34 };
const GAP = { column: 34, row: 12, band: 30, margin: 10 };

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** Each step's layer: 0 without needs, else one more than its deepest need. */
function layersOf(steps) {
  const byName = new Map(steps.map(s => [s.name, s]));
  const depth = new Map();
  const depthOf = (name, seen) => {
    if (depth.has(name)) return depth.get(name);
    if (seen.has(name)) return 0; // plans are validated acyclic; never loop on a bad view
    seen.add(name);
    const needs = (byName.get(name).needs || []).filter(n => byName.has(n));
    const d = needs.length ? 1 + Math.max(...needs.map(n => depthOf(n, seen))) : 0;
    depth.set(name, d);
    return d;
  };
  steps.forEach(s => depthOf(s.name, new Set()));
  return depth;
}

/**
 * Where each step's box goes within {@code width} pixels: as many layers per band as fit side by side, a band as
 * tall as its tallest layer, the next band below it.
 */
function layout(steps, width) {
  const depth = layersOf(steps);
  const columnWidth = NODE.width + GAP.column;
  const perBand = Math.max(1, Math.floor((width - 2 * GAP.margin + GAP.column) / columnWidth));
  const layers = Math.max(0, ...depth.values()) + 1;
  const rowsInLayer = new Array(layers).fill(0);
  for (const s of steps) rowsInLayer[depth.get(s.name)]++;
  const bandTop = [];
  let top = GAP.margin;
  for (let band = 0; band * perBand < layers; band++) {
    bandTop.push(top);
    const rows = Math.max(...rowsInLayer.slice(band * perBand, (band + 1) * perBand));
    top += rows * (NODE.height + GAP.row) - GAP.row + GAP.band;
  }
  const at = new Map();
  const placed = new Array(layers).fill(0);
  for (const s of steps) {
    const layer = depth.get(s.name);
    const band = Math.floor(layer / perBand);
    at.set(s.name, { band, x: GAP.margin + (layer % perBand) * columnWidth,
      y: bandTop[band] + placed[layer]++ * (NODE.height + GAP.row) });
  }
  const usedColumns = Math.min(perBand, layers);
  return { at, bandTop, width: 2 * GAP.margin + usedColumns * columnWidth - GAP.column,
    height: top - GAP.band + GAP.margin };
}

/**
 * An edge from a need to its step: a curve within a band; between bands it leaves the need on the right, runs along
 * the gap below the need's band, and enters the step from the left.
 */
function edgePath(a, b, bandTop) {
  const ay = a.y + NODE.height / 2, by = b.y + NODE.height / 2;
  const ax = a.x + NODE.width;
  if (a.band === b.band && b.x > a.x) {
    return 'M' + ax + ',' + ay + ' C' + (ax + 15) + ',' + ay + ' ' + (b.x - 15) + ',' + by + ' ' + b.x + ',' + by;
  }
  const gapY = bandTop[a.band + 1] - GAP.band / 2;
  const outX = ax + GAP.column / 3, inX = b.x - GAP.column / 3;
  return 'M' + ax + ',' + ay + ' L' + outX + ',' + ay + ' L' + outX + ',' + gapY + ' L' + inX + ',' + gapY
    + ' L' + inX + ',' + by + ' L' + b.x + ',' + by;
}

/** The plan's steps as a graph no wider than {@code width} pixels, each box coloured by its step's state. */
function dagView(steps, width) {
  const { at, bandTop, width: w, height } = layout(steps, Math.max(NODE.width + 2 * GAP.margin, width || 0));
  const done = steps.filter(s => ['SUCCEEDED', 'SKIPPED'].includes(stepState(s.state))).length;
  const graph = svg('svg', { id: 'dag', width: w, height, viewBox: '0 0 ' + w + ' ' + height, role: 'img',
    'aria-label': 'step graph: ' + steps.length + ' steps, ' + done + ' done (the steps table below lists them)' });
  for (const s of steps) {
    for (const n of (s.needs || []).filter(n => at.has(n))) {
      graph.append(svg('path', { class: 'edge', d: edgePath(at.get(n), at.get(s.name), bandTop) }));
    }
  }
  for (const s of steps) {
    const p = at.get(s.name);
    const state = stepState(s.state);
    const label = s.name.length > 22 ? s.name.slice(0, 21) + '…' : s.name;
    graph.append(svg('g', { class: 'node ' + state, 'data-node': s.name, transform: 'translate(' + p.x + ',' + p.y + ')' },
      svg('title', {}, s.name + ': ' + state + (s.summary ? ' — ' + s.summary : '') + (s.error ? ' — ' + s.error : '')),
      svg('rect', { width: NODE.width, height: NODE.height, rx: 5 }),
      svg('text', { x: 8, y: 21 }, label)));
  }
  return graph;
}
