'use strict';
// The login page. A login link carries its one-time code in the fragment (#code=...), which the browser never sends
// to a server by itself: this script posts it as JSON and wipes it from the address bar and history at once. A
// pasted API token is posted the same way. Either answer sets an HttpOnly session cookie this script never sees.

const notice = document.getElementById('notice');
const form = document.getElementById('token-form');
const usingLink = document.getElementById('using-link');

function say(message) {
  notice.hidden = !message;
  notice.textContent = message || '';
}

/** Where to go once logged in: the task the page was sent here from (#/tasks/ID), else the task list. */
function destination(hash) {
  return hash.startsWith('#/') ? '/' + hash : '/';
}

async function logIn(body) {
  const r = await fetch('/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await r.json().catch(() => null);
  if (!r.ok) {
    const fields = ((answer && answer.fields) || []).map(f => f.field).join(', ');
    throw new Error(answer && answer.message ? answer.code + ': ' + answer.message + (fields ? ' [' + fields + ']' : '')
      : 'login failed (HTTP ' + r.status + ')');
  }
  return answer;
}

async function start() {
  const hash = location.hash;
  if (hash.startsWith('#code=')) {
    history.replaceState(null, '', '/login'); // the code leaves the address bar before anything else happens
    usingLink.hidden = false;
    form.hidden = true;
    try {
      await logIn({ code: decodeURIComponent(hash.slice('#code='.length)) });
      location.replace('/');
      return;
    } catch (e) {
      say(e.message);
      usingLink.hidden = true;
      form.hidden = false;
    }
  } else {
    // already logged in (or the UI has no login): straight on
    const r = await fetch('/api/session', { headers: { Accept: 'application/json' } });
    if (r.ok) {
      location.replace(destination(hash));
      return;
    }
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const token = document.getElementById('token');
    try {
      await logIn({ token: token.value });
      token.value = '';
      location.replace(destination(hash));
    } catch (err) {
      say(err.message);
    }
  });
}

start();
