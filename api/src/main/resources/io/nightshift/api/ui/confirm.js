'use strict';
// A person confirms what cannot be undone (cancelling a task, rejecting a step) in a real modal dialog: focus moves
// into it, Escape or "Go back" keeps things as they are, and the page behind it cannot be clicked meanwhile.

/** Asks in the page's dialog; resolves true only when the person chose the action itself. */
function confirmAction(question, detail, actionLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-question').textContent = question;
  document.getElementById('confirm-detail').textContent = detail;
  const yes = document.getElementById('confirm-yes');
  const no = document.getElementById('confirm-no');
  yes.textContent = actionLabel;
  const openerId = document.activeElement && document.activeElement.id;
  return new Promise(resolve => {
    const close = choice => dialog.close(choice);
    yes.onclick = () => close('yes');
    no.onclick = () => close('no');
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'yes');
      // back to the control that asked: by its id, since a live update may have drawn it anew meanwhile
      const opener = openerId && document.getElementById(openerId);
      if (opener) opener.focus();
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    no.focus(); // the safe choice is the one Enter takes
  });
}
