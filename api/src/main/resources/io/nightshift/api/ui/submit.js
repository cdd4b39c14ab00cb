'use strict';
// The submit page: a pipeline of the runtime's catalog (with its declared parameters, defaults and descriptions
// from ListPipelines) or pasted YAML, then parameters, goal, task budget and an optional task id. The page sends
// the SubmitTaskRequest as it is and lets the API judge it: each field the API names in its refusal gets the
// message next to its input (the input whose data-field is the longest prefix of the named field). Labels and an
// idempotency key go along when given. The fork form (fork.js) shows its refusals the same way.

let pipelines = []; // the catalog, as ListPipelines gave it

/** A labelled input with the API field it stands for, and a slot for that field's error. */
function field(id, labelText, apiField, input, hint) {
  input.id = id;
  input.dataset.field = apiField;
  const described = [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' ');
  input.setAttribute('aria-describedby', described);
  return el('div', { class: 'field', 'data-for': id },
    el('label', { for: id }, labelText),
    input,
    hint ? el('p', { class: 'hint', id: id + '-hint' }, hint) : '',
    el('p', { class: 'field-error', id: id + '-error', hidden: true }));
}

function paramFields(pipeline) {
  if (!pipeline) return [];
  if (!pipeline.params.length) return [el('p', { class: 'meta' }, 'This pipeline declares no parameters.')];
  return pipeline.params.map(p => field('param-' + p.name, p.name + (p.required ? ' (required)' : ''),
    'spec.pipeline_name.params.' + p.name,
    el('input', { type: 'text', value: p.defaultValue, class: 'wide', 'data-param': p.name,
      'data-default': p.defaultValue, required: p.required }),
    p.description || (p.required ? 'no default: give a value' : '')));
}

function showSubmit() {
  view.replaceChildren(el('h1', {}, 'Submit a task'), el('p', { class: 'meta' }, 'Loading the pipelines…'));
  getJson('/api/pipelines').then(answer => {
    pipelines = answer.pipelines || [];
    renderSubmit();
  }).catch(e => say(e.message));
}

function renderSubmit() {
  const usable = pipelines.filter(p => !p.error);
  const select = el('select', {}, usable.map(p => el('option', { value: p.name },
    p.name + ' (' + p.stepCount + ' steps)')));
  const params = el('div', { id: 'params' });
  const about = el('p', { class: 'summary', id: 'pipeline-about' });
  const choose = () => {
    const p = usable.find(x => x.name === select.value);
    about.textContent = p ? p.description : '';
    params.replaceChildren(...paramFields(p));
  };
  select.addEventListener('change', choose);

  const fromCatalog = el('input', { type: 'radio', name: 'source', id: 'source-catalog', value: 'catalog',
    checked: usable.length > 0 });
  const fromYaml = el('input', { type: 'radio', name: 'source', id: 'source-yaml', value: 'yaml',
    checked: usable.length === 0 });
  const catalogPart = el('div', { id: 'catalog-part' },
    field('pipeline', 'Pipeline', 'spec.pipeline_name', select), about,
    el('fieldset', {}, el('legend', {}, 'Parameters'), params));
  const yamlPart = el('div', { id: 'yaml-part' },
    field('pipeline-yaml', 'Pipeline YAML', 'spec.pipeline_yaml', el('textarea', { rows: 12, spellcheck: 'false',
      class: 'code' }), 'name, params and steps, as in a pipeline file'),
    field('yaml-params', 'Parameters', 'spec.pipeline_yaml.params', el('textarea', { rows: 3, spellcheck: 'false',
      class: 'code' }), 'one name=value a line; the pipeline\'s defaults hold for the rest'));
  const toggle = () => {
    catalogPart.hidden = !fromCatalog.checked;
    yamlPart.hidden = !fromYaml.checked;
  };
  fromCatalog.addEventListener('change', toggle);
  fromYaml.addEventListener('change', toggle);

  const form = el('form', { id: 'submit-form', novalidate: true },
    el('fieldset', { class: 'source' }, el('legend', {}, 'What to run'),
      el('label', { for: 'source-catalog', class: 'choice' }, fromCatalog, ' a pipeline of this runtime'),
      el('label', { for: 'source-yaml', class: 'choice' }, fromYaml, ' pasted YAML')),
    catalogPart, yamlPart,
    field('goal', 'Goal', 'spec.goal', el('input', { type: 'text', class: 'wide' }),
      'what the task is for, in words: shown in the list'),
    el('fieldset', {}, el('legend', {}, 'Task budget (optional)'),
      el('div', { class: 'row' },
        field('budget-max-tokens', 'Max tokens', 'spec.budget.max_tokens', el('input', { type: 'text',
          inputmode: 'numeric' }), 'all agent steps together'),
        field('budget-max-cost', 'Max cost', 'spec.budget.max_cost', el('input', { type: 'text',
          inputmode: 'decimal' }), 'in the endpoints\' currency, e.g. 2.50'),
        field('budget-wall-clock-seconds', 'Wall clock (seconds)', 'spec.budget.wall_clock_seconds',
          el('input', { type: 'text', inputmode: 'numeric' }), 'no new step starts after it without approval'))),
    field('labels', 'Labels (optional)', 'spec.labels', el('textarea', { rows: 3, spellcheck: 'false',
      class: 'code' }), 'one key=value a line, to find the task by in the list (e.g. team=chem)'),
    field('task-id', 'Task id (optional)', 'task_id', el('input', { type: 'text' }),
      'letters, digits, - and _; a new id is made when empty'),
    field('idempotency-key', 'Idempotency key (optional)', 'idempotency_key', el('input', { type: 'text' }),
      'instead of a task id: submitting the same key again answers the same task, not a second one'),
    el('p', { class: 'field-error', id: 'submit-error', hidden: true }),
    el('div', { class: 'controls' }, el('button', { type: 'submit', class: 'primary', id: 'submit-task' },
      'Submit')));
  form.addEventListener('submit', e => { e.preventDefault(); submitForm(fromYaml.checked); });
  view.replaceChildren(el('h1', {}, 'Submit a task'), form);
  choose();
  toggle();
}

/** The form as a SubmitTaskRequest; a number the page cannot read is refused here, next to its input. */
function requestFromForm(yaml) {
  const value = id => document.getElementById(id).value.trim();
  const spec = { goal: value('goal') };
  const problems = [];
  if (yaml) {
    spec.pipelineYaml = document.getElementById('pipeline-yaml').value;
    spec.params = keyValueLines(value('yaml-params'), 'spec.pipeline_yaml.params', problems);
  } else {
    spec.pipelineName = value('pipeline');
    // only what differs from a default goes along, so the pipeline's own defaults stay the source of truth
    spec.params = {};
    for (const input of document.querySelectorAll('#params input[data-param]')) {
      if (input.value !== input.dataset.default) spec.params[input.dataset.param] = input.value;
    }
  }
  const budget = {};
  for (const [id, key, api] of [['budget-max-tokens', 'maxTokens', 'max_tokens'],
    ['budget-wall-clock-seconds', 'wallClockSeconds', 'wall_clock_seconds']]) {
    if (!value(id)) continue;
    if (!/^-?\d{1,18}$/.test(value(id))) problems.push({ field: 'spec.budget.' + api, description: 'a whole number' });
    else budget[key] = value(id);
  }
  if (value('budget-max-cost')) budget.maxCost = value('budget-max-cost');
  if (Object.keys(budget).length) spec.budget = budget;
  const labels = keyValueLines(document.getElementById('labels').value, 'spec.labels', problems);
  if (Object.keys(labels).length) spec.labels = labels;
  const request = { spec };
  if (value('task-id')) request.taskId = value('task-id');
  if (value('idempotency-key')) request.idempotencyKey = value('idempotency-key');
  return { request, problems };
}

/**
 * {@code text}'s lines as name=value pairs; a line that is not one becomes a problem on {@code field}. Only the form
 * is checked here: what a name or value may be is the API's to say, next to the same field.
 */
function keyValueLines(text, field, problems) {
  const pairs = {};
  text.split('\n').map(l => l.trim()).filter(Boolean).forEach(line => {
    const eq = line.indexOf('=');
    if (eq < 1) problems.push({ field, description: '"' + line + '" is not name=value' });
    else pairs[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return pairs;
}

function clearFieldErrors() {
  for (const p of view.querySelectorAll('.field-error')) { p.hidden = true; p.textContent = ''; }
  for (const i of view.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
}

/** The shown input that {@code problem}'s field names (the longest data-field prefix), or undefined. */
function inputOfProblem(problem) {
  return [...view.querySelectorAll('[data-field]')].filter(i => !i.closest('[hidden]'))
    .filter(i => problem.field === i.dataset.field || problem.field.startsWith(i.dataset.field + '.')
      || problem.field.startsWith(i.dataset.field + '['))
    .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
}

/**
 * Puts each problem next to the input its field names, the rest under the form (in {@code fallbackSlot}); with no
 * problem, {@code fallback} goes there. Answers the first input at fault, or null.
 */
function placeFieldErrors(problems, fallback, fallbackSlot) {
  let first = null;
  for (const problem of problems) {
    const target = inputOfProblem(problem);
    const slot = document.getElementById(target ? target.id + '-error' : fallbackSlot || 'submit-error');
    slot.hidden = false;
    slot.append(el('span', { 'data-error-field': problem.field }, problem.description), ' ');
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      first = first || target;
    }
  }
  if (!problems.length && fallback) {
    const slot = document.getElementById(fallbackSlot || 'submit-error');
    slot.hidden = false;
    slot.textContent = fallback;
  }
  return first;
}

/** {@link placeFieldErrors}, then the focus goes to the first input at fault. */
function showFieldErrors(problems, fallback, fallbackSlot) {
  const first = placeFieldErrors(problems, fallback, fallbackSlot);
  if (first) first.focus();
}

async function submitForm(yaml) {
  clearFieldErrors();
  say('');
  const { request, problems } = requestFromForm(yaml);
  if (problems.length) {
    showFieldErrors(problems);
    return;
  }
  const button = document.getElementById('submit-task');
  button.disabled = true;
  try {
    const r = await fetch('/api/tasks', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request) });
    const answer = await r.json().catch(() => null);
    if (!r.ok) {
      toLogin(r.status);
      say(describeError(answer, r.status));
      showFieldErrors((answer && answer.fields) || [], describeError(answer, r.status));
      return;
    }
    say('submitted ' + answer.taskId, true);
    location.hash = '#/tasks/' + encodeURIComponent(answer.taskId);
  } finally {
    button.disabled = false;
  }
}
