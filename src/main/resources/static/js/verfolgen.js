// "Antrag verfolgen": verfolgen.html#antrag=<id>&code=<tracking token or access code> (the fragment
// never reaches a server), or the Aktenzeichen and access code from the Eingangsbestätigung
// (POST /api/permit-applications/lookup finds the id). Ids: access-form/access-file-number/
// access-code (without link), status-message, file-number, status-text, missing-documents,
// letters (download buttons), deadlines, timeline, upload-file, upload-kind, upload-title,
// upload-submit, upload-result, upload-problem.
import {
  el, send, sendJson, toProblem, showAlert, hideAlert, progressItem, fillKindSelect,
  formatDateTime, formatBytes, formRules, acceptOf, formatNames, checkDocumentFile,
} from './common.js';

const CLOSED = ['APPROVED', 'APPROVAL_FICTION', 'REJECTED', 'WITHDRAWN'];
const NOT_FOUND =
  'Kein Antrag zu diesem Link gefunden – bitte prüfen Sie den Link oder geben Sie Aktenzeichen und Zugangscode aus Ihrer Eingangsbestätigung ein.';
const NOT_FOUND_BY_CODE =
  'Zu diesem Aktenzeichen und Zugangscode gibt es keinen Antrag – bitte prüfen Sie beide Angaben in Ihrer Eingangsbestätigung.';

const accessForm = document.getElementById('access-form');
const message = document.getElementById('status-message');
const statusSection = document.getElementById('status');
const uploadForm = document.getElementById('upload-form');
const uploadFile = document.getElementById('upload-file');
const uploadResult = document.getElementById('upload-result');
const uploadProblem = document.getElementById('upload-problem');
let access = null;
let current = null;
let rules = null;

formRules().then((loaded) => {
  rules = loaded;
  fillKindSelect(document.getElementById('upload-kind'), rules, 'OTHER');
  uploadFile.setAttribute('accept', acceptOf(rules));
  for (const span of document.querySelectorAll('[data-rule="formats"]')) span.textContent = formatNames(rules);
  for (const span of document.querySelectorAll('[data-rule="max-size"]')) span.textContent = rules.upload.maxSizeText;
}, (failure) => showAlert(uploadProblem, { title: 'Die Formularregeln konnten nicht geladen werden', detail: failure.message }));

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

  renderLetters(status.letters || []);

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

function renderLetters(letters) {
  const list = document.getElementById('letters');
  list.replaceChildren(
    ...(letters.length
      ? letters.map((letter) => {
          const button = el('button', { type: 'button', class: 'button secondary' }, 'Herunterladen',
            el('span', { class: 'visually-hidden' }, `: ${letter.title}`));
          button.addEventListener('click', () => download(letter, button));
          return el('li', { class: 'file-list__row' },
            el('span', { class: 'file-list__name' },
              `${letter.title} vom ${formatDateTime(letter.sentAt)} (PDF, ${formatBytes(letter.size)})`), ' ', button);
        })
      : [el('li', {}, 'Noch keine Schreiben.')])
  );
}

async function download(letter, button) {
  const problem = document.getElementById('letter-problem');
  hideAlert(problem);
  button.disabled = true;
  try {
    const answer = await fetch(letter.url, { headers: { 'X-Tracking-Token': access.code, 'X-Requested-With': 'XMLHttpRequest' } });
    if (!answer.ok) {
      const body = await answer.json().catch(() => null);
      showAlert(problem, toProblem(answer.status, body));
      return;
    }
    const url = URL.createObjectURL(await answer.blob());
    const link = el('a', { href: url, download: letter.fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch {
    showAlert(problem, { title: 'Herunterladen fehlgeschlagen', detail: 'Die Verbindung zum Server ist fehlgeschlagen. Bitte versuchen Sie es erneut.' });
  } finally {
    button.disabled = false;
  }
}

// the chosen files are checked at once (size, and the format by the server's sniffing)
let chosenCheck = null;

function checkChosen() {
  hideAlert(uploadProblem);
  uploadFile.removeAttribute('aria-invalid');
  const files = [...uploadFile.files];
  const check = document.getElementById('upload-check');
  check.textContent = files.length ? 'Wird geprüft …' : '';
  const pending = (async () => {
    for (const file of files) {
      const wrong = await checkDocumentFile(file, rules);
      if (wrong) return wrong;
    }
    return null;
  })();
  chosenCheck = pending;
  pending.then((wrong) => {
    if (chosenCheck !== pending) return;
    check.textContent = wrong || !files.length ? '' : 'Geprüft: Format und Größe sind in Ordnung.';
    if (wrong) showUploadProblem(wrong);
  });
  return pending;
}

function showUploadProblem(wrong) {
  showAlert(uploadProblem, { title: 'Datei prüfen', detail: wrong });
  uploadFile.setAttribute('aria-invalid', 'true');
  uploadFile.setAttribute('aria-describedby', 'upload-check upload-problem');
}

uploadFile.addEventListener('change', checkChosen);

async function upload(event) {
  event.preventDefault();
  hideAlert(uploadProblem);
  uploadFile.removeAttribute('aria-invalid');
  const files = [...uploadFile.files];
  const wrong = files.length === 0 ? 'Bitte wählen Sie mindestens eine Datei aus.'
    : await (chosenCheck || checkChosen());
  if (wrong) {
    showUploadProblem(wrong);
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
    chosenCheck = null;
    document.getElementById('upload-check').textContent = '';
  }
  await load();
}

accessForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const fileNumber = document.getElementById('access-file-number').value.trim();
  const code = document.getElementById('access-code').value.trim();
  if (!fileNumber || !code) {
    say('Bitte geben Sie Aktenzeichen und Zugangscode ein.', true);
    return;
  }
  let answer;
  try {
    answer = await sendJson('POST', '/api/permit-applications/lookup', { fileNumber, accessCode: code });
  } catch (failure) {
    say(failure.message, true);
    return;
  }
  if (answer.status === 404 || answer.status === 400) {
    say(NOT_FOUND_BY_CODE, true);
    return;
  }
  if (answer.status !== 200) {
    say(toProblem(answer.status, answer.body).message, true);
    return;
  }
  location.hash = new URLSearchParams({ antrag: answer.body.applicationId, code }).toString();
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
