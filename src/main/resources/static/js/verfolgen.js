// "Antrag verfolgen": verfolgen.html#antrag=<id>&code=<tracking token> (the fragment never reaches
// a server). Ids: access-form/access-id/access-code (without link), status-message, file-number,
// status-text, missing-documents, deadlines, timeline, upload-file, upload-kind, upload-title,
// upload-submit, upload-result, upload-problem.
import {
  el, send, toProblem, showAlert, hideAlert, progressItem, fillKindSelect, formatDateTime,
  checkDocumentFile, DOCUMENT_ACCEPT,
} from './common.js';

const CLOSED = ['APPROVED', 'APPROVAL_FICTION', 'REJECTED', 'WITHDRAWN'];
const NOT_FOUND =
  'Kein Antrag zu diesem Link gefunden – bitte prüfen Sie den Link aus Ihrer Eingangsbestätigung.';

const accessForm = document.getElementById('access-form');
const message = document.getElementById('status-message');
const statusSection = document.getElementById('status');
const uploadForm = document.getElementById('upload-form');
const uploadFile = document.getElementById('upload-file');
const uploadResult = document.getElementById('upload-result');
const uploadProblem = document.getElementById('upload-problem');
let access = null;
let current = null;

fillKindSelect(document.getElementById('upload-kind'), 'OTHER');
uploadFile.setAttribute('accept', DOCUMENT_ACCEPT);

function fromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get('antrag');
  const code = params.get('code');
  return id && code ? { id, code } : null;
}

function say(text, isError) {
  message.replaceChildren();
  message.className = isError ? 'box box--error' : '';
  if (text) message.append(el('p', { class: isError ? 'box-title' : '' }, text));
}

async function load() {
  say('Der Stand wird geladen …');
  let answer;
  try {
    answer = await send({
      url: `/api/permit-applications/${encodeURIComponent(access.id)}/status`,
      headers: { 'X-Tracking-Token': access.code },
    });
  } catch (failure) {
    say(failure.message, true);
    return;
  }
  if (answer.status === 404 || answer.status === 400) {
    statusSection.hidden = true;
    accessForm.hidden = false;
    say(NOT_FOUND, true);
    return;
  }
  if (answer.status !== 200) {
    say(toProblem(answer.status, answer.body).message, true);
    return;
  }
  say('');
  render(answer.body);
}

function render(status) {
  current = status;
  accessForm.hidden = true;
  document.getElementById('file-number').textContent = status.fileNumber;
  document.getElementById('status-text').textContent = status.statusText;
  document.title = `Bauantrag ${status.fileNumber} – amtsflow`;

  const request = document.getElementById('request');
  const missing = document.getElementById('missing-documents');
  missing.replaceChildren(...(status.missingDocuments || []).map((d) => el('li', {}, d)));
  const requestOpen = status.status === 'INCOMPLETE' && (status.missingDocuments || []).length > 0;
  request.hidden = !requestOpen;

  const deadlines = document.getElementById('deadlines');
  const open = status.openDeadlines || [];
  deadlines.replaceChildren(
    ...(open.length
      ? open.map((d) => el('li', {}, `${d.label}: bis einschließlich ${d.lastDay}`))
      : [el('li', {}, 'Keine laufenden Fristen.')])
  );

  const timeline = document.getElementById('timeline');
  timeline.replaceChildren(
    ...(status.timeline || []).map((step) =>
      el('li', {}, el('time', { datetime: step.at }, formatDateTime(step.at)), ' – ', step.text))
  );

  uploadForm.hidden = CLOSED.includes(status.status);
  document.getElementById('upload-heading').textContent = requestOpen
    ? 'Nachgeforderte Unterlagen einreichen'
    : 'Weitere Unterlage einreichen';
  statusSection.hidden = false;
}

async function upload(event) {
  event.preventDefault();
  hideAlert(uploadProblem);
  uploadFile.removeAttribute('aria-invalid');
  const files = [...uploadFile.files];
  const wrong = files.length === 0 ? 'Bitte wählen Sie mindestens eine Datei aus.'
    : files.map(checkDocumentFile).find(Boolean);
  if (wrong) {
    showAlert(uploadProblem, { title: 'Datei prüfen', detail: wrong });
    uploadFile.setAttribute('aria-invalid', 'true');
    uploadFile.setAttribute('aria-describedby', 'upload-problem');
    uploadFile.focus();
    return;
  }
  const kind = document.getElementById('upload-kind').value;
  const title = document.getElementById('upload-title').value.trim();
  const submit = document.getElementById('upload-submit');
  submit.disabled = true;
  uploadResult.replaceChildren();
  let failed = false;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const line = progressItem(file.name);
    uploadResult.append(line.item);
    const data = new FormData();
    data.append('file', file);
    data.append('kind', kind);
    if (title) data.append('title', title);
    // only the last file answers the Nachforderung
    data.append('answersRequest', String(i === files.length - 1));
    try {
      const answer = await send({
        method: 'POST',
        url: `/api/permit-applications/${encodeURIComponent(access.id)}/documents`,
        body: data,
        headers: { 'X-Tracking-Token': access.code },
        onProgress: line.update,
      });
      if (answer.status >= 200 && answer.status < 300) {
        line.done(`${file.name}: eingereicht`);
      } else {
        failed = true;
        const problem = toProblem(answer.status, answer.body);
        line.fail(`${file.name}: nicht angenommen – ${problem.message}`);
      }
    } catch (failure) {
      failed = true;
      line.fail(`${file.name}: nicht übertragen – ${failure.message}`);
    }
  }
  submit.disabled = false;
  if (failed) {
    showAlert(uploadProblem, {
      title: 'Nicht alle Dateien wurden angenommen',
      detail: 'Bitte prüfen Sie die markierten Dateien und reichen Sie sie erneut ein.',
    });
  } else {
    uploadForm.reset();
  }
  await load();
}

accessForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = document.getElementById('access-id').value.trim();
  const code = document.getElementById('access-code').value.trim();
  if (!id || !code) {
    say('Bitte geben Sie Vorgangsnummer und Zugangscode ein.', true);
    return;
  }
  location.hash = new URLSearchParams({ antrag: id, code }).toString();
});
uploadForm.addEventListener('submit', upload);
window.addEventListener('hashchange', start);

function start() {
  access = fromFragment();
  if (access) {
    load();
  } else {
    statusSection.hidden = true;
    accessForm.hidden = false;
    say('');
  }
}
start();
