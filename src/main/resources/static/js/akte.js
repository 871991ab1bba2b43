// The e-file page for clerks: akte.html#efile=<uuid>, or akte.html to find an e-file by its
// Aktenzeichen (running and closed cases). Task forms in Tasklist link here; the API reads are
// authenticated by the clerk's Tasklist login (its session), so no second login. Every German word
// about the e-file (document kinds, who filed what, the steps of the Verlauf) comes from the server.
// Ids: search (form), search-number, efile-title, efile-message, efile-facts, documents (table;
// each row "document-<documentId>" with a link "doc-<documentId>" opening the current version),
// timeline (list; each step "step-<n>"), timeline-note.
import {
  el,
  send,
  toProblem,
  formatDateTime,
  formatBytes,
  showFieldError,
  clearFieldErrors,
  NETWORK_ERROR,
} from './common.js';

const STATUS = { OPEN: 'offen', CLOSED: 'geschlossen' };
const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
/** Who did a step, by what they did. */
const ACTOR_LABEL = {
  TASK_COMPLETED: 'Erledigt von',
  TASK_OPEN: 'In Bearbeitung bei',
  DOCUMENT_ADDED: 'Eingestellt von',
};
const PROCESS_STEPS = new Set([
  'PROCESS_STARTED', 'TASK_COMPLETED', 'TASK_OPEN', 'TASK_CANCELLED', 'EVENT', 'DEADLINE_PASSED',
  'PROCESS_ENDED',
]);

const title = document.getElementById('efile-title');
const messageBox = document.getElementById('efile-message');
const facts = document.getElementById('efile-facts');
const documentsSection = document.getElementById('efile-documents');
const timelineSection = document.getElementById('efile-timeline');
const searchForm = document.getElementById('search');
const searchInput = document.getElementById('search-number');

function message(text, isError) {
  messageBox.className = isError ? 'box box--error' : '';
  messageBox.replaceChildren(...[text].flat());
}

function link(href, text, id) {
  return el('a', { href, id, target: '_blank', rel: 'noopener' }, text);
}

/** GET as the logged-in clerk; resolves the body, rejects {status, problem}. */
async function get(url) {
  let answer;
  try {
    answer = await send({ url });
  } catch (failure) {
    throw { status: 0, problem: { message: NETWORK_ERROR } };
  }
  if (answer.status !== 200) {
    throw { status: answer.status, problem: toProblem(answer.status, answer.body) };
  }
  return answer.body;
}

function loginHint() {
  return [
    'Bitte melden Sie sich zuerst in der ',
    link('/camunda/app/tasklist/', 'Aufgabenliste'),
    ' an und öffnen Sie die Akte dann erneut.',
  ];
}

function failure(e) {
  if (e.status === 401) return loginHint();
  if (e.status === 403) return 'Sie haben keine Berechtigung für diese Akte.';
  if (e.status === 404) return 'Diese Akte gibt es nicht.';
  if (e.status === 0) return e.problem.message;
  return 'Die Akte konnte nicht geladen werden. Bitte versuchen Sie es später erneut.';
}

function reset() {
  document.title = 'E-Akte – amtsflow';
  title.textContent = 'E-Akte';
  facts.replaceChildren();
  facts.hidden = true;
  documentsSection.hidden = true;
  documentsSection.querySelector('tbody').replaceChildren();
  timelineSection.hidden = true;
  document.getElementById('timeline').replaceChildren();
}

function fact(term, value) {
  facts.append(el('dt', {}, term), el('dd', {}, value));
}

/** A table cell that, on a narrow screen, shows its column's name before its value. */
function cell(label, ...content) {
  return el('td', { role: 'cell', 'data-label': label }, el('span', {}, ...content));
}

function documentRow(efileId, doc) {
  const base = '/api/efiles/' + efileId + '/documents/' + doc.id;
  return el('tr', { id: 'document-' + doc.id, role: 'row' },
    cell('Dokument', link(base + '/content', doc.title, 'doc-' + doc.id)),
    cell('Art', doc.kindLabel),
    cell('Fassung', String(doc.version),
      doc.version > 1 ? [' (', link(base + '/versions', 'Fassungen'), ')'] : null),
    cell('Datei', el('span', { class: 'file-name' }, doc.fileName), ', ' + formatBytes(doc.size)),
    cell('Eingestellt am', el('time', { datetime: doc.createdAt }, formatDateTime(doc.createdAt))),
    cell('Eingestellt von', doc.createdByName || doc.createdBy));
}

function step(entry, index) {
  const process = PROCESS_STEPS.has(entry.type);
  return el('li', {
    id: 'step-' + index,
    class: 'timeline__step ' + (process ? 'timeline__step--process' : 'timeline__step--efile'),
    'data-type': entry.type,
  },
  el('time', { datetime: entry.at }, formatDateTime(entry.at)),
  el('span', { class: 'timeline__text' }, entry.text),
  entry.detail ? el('span', { class: 'timeline__detail' }, entry.detail) : null,
  entry.actorName
    ? el('span', { class: 'timeline__actor' }, (ACTOR_LABEL[entry.type] || 'Durch') + ': ' + entry.actorName)
    : null);
}

function showTimeline(timeline) {
  const list = document.getElementById('timeline');
  timeline.steps.forEach((entry, i) => list.append(step(entry, i)));
  const note = document.getElementById('timeline-note');
  note.hidden = !timeline.withheld;
  note.textContent = timeline.withheld
    ? 'Den Verlauf des Verfahrens (Aufgaben, Fristen, Entscheidungen) dürfen Sie nicht einsehen; ' +
      'gezeigt wird, was in der Akte vermerkt ist.'
    : '';
  timelineSection.hidden = false;
}

async function load(id, { focus = false } = {}) {
  reset();
  message('Akte wird geladen …');
  let efile;
  let documents;
  try {
    [efile, documents] = await Promise.all([
      get('/api/efiles/' + id),
      get('/api/efiles/' + id + '/documents'),
    ]);
  } catch (e) {
    message(failure(e), true);
    return;
  }
  document.title = 'E-Akte ' + efile.fileNumber + ' – amtsflow';
  title.textContent = 'E-Akte ' + efile.fileNumber;
  fact('Betreff', efile.subject || '–');
  fact('Status', STATUS[efile.status] || efile.status);
  fact('Angelegt', formatDateTime(efile.createdAt));
  if (efile.retentionUntil) {
    fact('Aufbewahren bis', date.format(new Date(efile.retentionUntil)));
  }
  facts.hidden = false;
  const body = documentsSection.querySelector('tbody');
  documents.forEach((doc) => body.append(documentRow(id, doc)));
  documentsSection.hidden = false;
  const count = documents.length === 1 ? '1 Dokument.' : documents.length + ' Dokumente.';
  message(count);
  if (focus) title.focus();
  try {
    showTimeline(await get('/api/efiles/' + id + '/timeline'));
  } catch (e) {
    message(count + ' Der Verlauf konnte nicht geladen werden.', true);
  }
}

async function search(event) {
  event.preventDefault();
  clearFieldErrors(searchForm);
  const number = searchInput.value.trim().toUpperCase();
  if (!number) {
    showFieldError(searchInput, 'Bitte geben Sie ein Aktenzeichen ein.');
    searchInput.focus();
    return;
  }
  let efile;
  try {
    efile = await get('/api/efiles?number=' + encodeURIComponent(number));
  } catch (e) {
    if (e.status === 404) {
      showFieldError(searchInput, 'Keine Akte mit dem Aktenzeichen „' + number + '“ gefunden.');
      searchInput.focus();
    } else if (e.status === 403) {
      showFieldError(searchInput, 'Sie haben keine Berechtigung für die Akte ' + number + '.');
      searchInput.focus();
    } else {
      message(failure(e), true);
    }
    return;
  }
  searchInput.value = '';
  if (location.hash === '#efile=' + efile.id) {
    load(efile.id, { focus: true });
  } else {
    // the address names the e-file, so it can be bookmarked and sent to a colleague
    location.hash = 'efile=' + efile.id;
  }
}

function route({ focus = false } = {}) {
  const id = new URLSearchParams(location.hash.slice(1)).get('efile');
  if (!id) {
    reset();
    message('Geben Sie das Aktenzeichen ein, um eine Akte zu öffnen.');
    return;
  }
  if (!/^[0-9a-f-]{36}$/i.test(id)) {
    reset();
    message('Dieser Link nennt keine gültige Akte. Suchen Sie die Akte über ihr Aktenzeichen.', true);
    return;
  }
  load(id, { focus });
}

searchForm.addEventListener('submit', search);
window.addEventListener('hashchange', () => route({ focus: true }));
route();
