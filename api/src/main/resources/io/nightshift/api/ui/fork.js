'use strict';
// "Fork from this step": a small form in the task view that starts a new task running the task's plan again from
// one step (ForkTask), with params changed and an optional new id. GetTask carries no params, so for a pipeline of
// the runtime's catalog the form shows its declared params with their defaults (ListPipelines) and sends only the
// ones changed, which is what ForkTask replaces; for any other pipeline, free name=value lines. The API's refusals
// show next to the fields they name, as on the submit page. A running task's view is drawn again at each change,
// form and all, so the form's errors are kept here and drawn again with it: each stays until its field is edited
// or the form is sent again.

// {taskId, step, errors}: the open fork form, drawn into each drawing of that task's view; errors is null or the
// last refusal still shown, {problems: [{field, description}], fallback: text shown when no problem names a field}
let forking = null;
let forkCatalog = null;      // ListPipelines' pipelines, asked once the first form opens

/** Opens the form for {@code step} of task {@code t}, once the catalog is known. */
async function openFork(t, step) {
  if (forkCatalog === null) {
    try {
      forkCatalog = (await getJson('/api/pipelines')).pipelines || [];
    } catch (e) {
      forkCatalog = []; // free lines then: the fork itself still works
    }
  }
  forking = { taskId: t.id, step, errors: null };
  renderTask(shownTask);
  const first = document.querySelector('#fork-form input, #fork-form textarea');
  if (first) first.focus();
}

/** The catalog pipeline the task ran, when it ran one that still loads. */
function forkPipeline(t) {
  return (forkCatalog || []).find(p => p.name === t.pipeline && !p.error);
}

/** The open form for task {@code t}, or nothing. */
function forkForm(t) {
  if (!forking || forking.taskId !== t.id) return '';
  const pipeline = forkPipeline(t);
  const params = pipeline
    ? (pipeline.params.length ? pipeline.params.map(p => field('fork-param-' + p.name, p.name, 'params.' + p.name,
        el('input', { type: 'text', class: 'wide', value: p.defaultValue, 'data-param': p.name,
          'data-default': p.defaultValue }), p.description || ''))
      : [el('p', { class: 'meta' }, 'This pipeline declares no parameters.')])
    : [field('fork-params', 'Parameters', 'params', el('textarea', { rows: 3, spellcheck: 'false', class: 'code' }),
        'one name=value a line for each param to change; the task\'s own values hold for the rest')];
  const form = el('form', { id: 'fork-form', class: 'card', novalidate: true, 'aria-labelledby': 'fork-title' },
    el('h2', { id: 'fork-title' }, 'Fork ' + t.id + ' from ', el('code', {}, forking.step)),
    el('p', { class: 'meta' }, 'A new task runs this plan again from ' + forking.step + ' and what depends on it;'
      + ' the steps before it keep their results unless a param you change reaches them.'),
    pipeline ? el('fieldset', {}, el('legend', {}, 'Parameters (the pipeline\'s defaults; only the ones you change'
      + ' are sent)'), params) : params,
    field('fork-new-id', 'New task id (optional)', 'new_task_id', el('input', { type: 'text' }),
      'letters, digits, - and _; a new id is made when empty'),
    field('fork-labels', 'Labels (optional)', 'labels', el('textarea', { rows: 2, spellcheck: 'false',
      class: 'code' }), 'one key=value a line; empty: the labels of ' + t.id),
    el('p', { class: 'field-error', id: 'fork-error', hidden: true }),
    el('div', { class: 'controls' },
      el('button', { type: 'submit', class: 'primary', id: 'fork-submit' }, 'Start the fork'),
      el('button', { type: 'button', id: 'fork-close', onclick: () => {
        const opener = 'fork-step-' + forking.step;
        forking = null;
        renderTask(shownTask);
        const button = document.getElementById(opener);
        if (button) button.focus();
      } }, 'Close')));
  form.addEventListener('submit', e => { e.preventDefault(); sendFork(t, pipeline); });
  form.addEventListener('input', e => forgetForkErrorsOf(e.target));
  return form;
}

/** Editing a field answers its errors: they leave the page and are not drawn again. */
function forgetForkErrorsOf(input) {
  if (!forking || !forking.errors || !input.dataset.field) return;
  forking.errors.problems = forking.errors.problems.filter(p => inputOfProblem(p) !== input);
  const slot = document.getElementById(input.id + '-error');
  if (slot) { slot.hidden = true; slot.textContent = ''; }
  input.removeAttribute('aria-invalid');
}

/** Draws the open form's kept errors again after a redraw of the task view; the focus stays where it was. */
function redrawForkErrors() {
  if (forking && forking.errors && document.getElementById('fork-form')) {
    placeFieldErrors(forking.errors.problems, forking.errors.fallback, 'fork-error');
  }
}

/** Shows a refusal of the form and keeps it for the redraws to come. */
function showForkErrors(problems, fallback) {
  if (!forking || !document.getElementById('fork-form')) return; // closed meanwhile
  forking.errors = { problems, fallback };
  showFieldErrors(problems, fallback, 'fork-error');
}

/** The form as a ForkTaskRequest; a line that is not name=value is refused here, next to its field. */
function forkRequest(t, pipeline) {
  const problems = [];
  const request = { fromStep: forking.step };
  const params = {};
  if (pipeline) {
    for (const input of document.querySelectorAll('#fork-form input[data-param]')) {
      if (input.value !== input.dataset.default) params[input.dataset.param] = input.value;
    }
  } else {
    Object.assign(params, keyValueLines(document.getElementById('fork-params').value, 'params', problems));
  }
  if (Object.keys(params).length) request.params = params;
  const newId = document.getElementById('fork-new-id').value.trim();
  if (newId) request.newTaskId = newId;
  const labels = keyValueLines(document.getElementById('fork-labels').value, 'labels', problems);
  if (Object.keys(labels).length) request.labels = labels;
  return { request, problems };
}

async function sendFork(t, pipeline) {
  clearFieldErrors();
  forking.errors = null;
  const { request, problems } = forkRequest(t, pipeline);
  if (problems.length) {
    showForkErrors(problems, '');
    return;
  }
  const button = document.getElementById('fork-submit');
  button.disabled = true;
  try {
    const r = await fetch('/api/tasks/' + encodeURIComponent(t.id) + '/fork', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    const answer = await r.json().catch(() => null);
    if (!r.ok) {
      toLogin(r.status);
      showForkErrors((answer && answer.fields) || [], describeError(answer, r.status));
      return;
    }
    forking = null;
    location.hash = '#/tasks/' + encodeURIComponent(answer.taskId);
  } finally {
    if (document.body.contains(button)) button.disabled = false;
  }
}
