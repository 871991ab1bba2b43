// "Bauantrag stellen": seven steps, then POST /api/permit-applications (JSON, Idempotency-Key) and
// the uploads (XHR with progress, X-Tracking-Token). Each step is checked when it is left by the
// server's own rules (POST /api/permit-applications/checks?sections=...: the submit's validation,
// answered for that step), so the final submit finds nothing new. Errors are shown next to the
// fields they name (path "plot.parcels[0]" -> input "plot-parcels") and in the error summary; an
// error goes away as soon as its field is changed. Enter moves to the next step, it never sends.
// A chosen file is checked at once (size, and its format by the server's sniffing).
// Ids: inputs "<json path with dashes>" (applicant-name, builder-same, plot-parcels, ...), radios
// "<group>-<VALUE>" (procedure-SIMPLIFIED); next, back, submit; document-file, document-kind,
// document-add (adds the chosen files with the chosen kind), document-list; error-summary;
// confirmation with file-number, tracking-link, upload-list.
import {
  el, send, toProblem, showFieldError, clearFieldError, clearFieldErrors, showErrorSummary,
  hideErrorSummary, showAlert, hideAlert, progressItem, fillKindSelect, kindLabel, formRules,
  acceptOf, formatNames, checkDocumentFile, parseGermanAmount, formatBytes, formatEuro,
} from './common.js';

const form = document.getElementById('application');
const steps = [...form.querySelectorAll('fieldset.step')];
const summaryBox = document.getElementById('error-summary');
const nextButton = document.getElementById('next');
const backButton = document.getElementById('back');
const submitButton = document.getElementById('submit');
const documents = [];
let current = 0;
let idempotency = null; // {key, body}

const $ = (id) => document.getElementById(id);
const value = (id) => $(id).value.trim();
const orNull = (text) => (text === '' ? null : text);
const radio = (name) => {
  const checked = form.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : null;
};
const bool = (name) => (radio(name) === null ? null : radio(name) === 'true');

/** The sections of the application each step asks for (server: PermitApplicationRules.Section). */
const SECTIONS = ['applicant', 'builder', 'designer', 'plot', 'project'];
let rules = null;

async function applyRules() {
  try {
    rules = await formRules();
  } catch (failure) {
    showAlert($('document-problem'), { title: 'Die Formularregeln konnten nicht geladen werden', detail: failure.message });
    return;
  }
  fillKindSelect($('document-kind'), rules, 'SITE_PLAN');
  $('document-file').setAttribute('accept', acceptOf(rules));
  for (const span of document.querySelectorAll('[data-rule="formats"]')) span.textContent = formatNames(rules);
  for (const span of document.querySelectorAll('[data-rule="max-size"]')) span.textContent = rules.upload.maxSizeText;
  // the Gemeinden this authority serves; an authority on its own asks for none
  const municipality = $('plot-municipalityKey');
  for (const m of rules.municipalities) municipality.append(new Option(m.name, m.municipalityKey));
  if (rules.municipalities.length === 0) {
    municipality.required = false;
    $('plot-municipalityKey-field').hidden = true;
  }
  const qualification = $('designer-qualification');
  for (const q of rules.qualifications) qualification.append(new Option(q.label, q.value));
  renderDocuments();
}

// the chamber number is required for the qualifications the server names so
function updateChamberNumber() {
  const chosen = rules && rules.qualifications.find((q) => q.value === value('designer-qualification'));
  const required = Boolean(chosen && chosen.chamberNumberRequired);
  const input = $('designer-chamberMembershipNumber');
  input.required = required;
  input.setAttribute('aria-required', String(required));
  $('chamber-required').textContent = required ? '(Pflichtfeld)' : '(freiwillig)';
  $('chamber-required').className = required ? 'req' : 'hint';
}
$('designer-qualification').addEventListener('change', updateChamberNumber);

function municipalityName(key) {
  const found = rules && rules.municipalities.find((m) => m.municipalityKey === key);
  return found ? found.name : '–';
}

// ---------- the request body ----------

function address(prefix) {
  return { street: value(`${prefix}-street`), postalCode: value(`${prefix}-postalCode`), city: value(`${prefix}-city`) };
}

function application() {
  const applicant = { name: value('applicant-name'), email: orNull(value('applicant-email')), address: address('applicant') };
  const builder = $('builder-same').checked
    ? { name: applicant.name, email: applicant.email, address: { ...applicant.address } }
    : { name: value('builder-name'), email: orNull(value('builder-email')), address: address('builder') };
  const plotAddress = address('plot');
  const costs = parseGermanAmount(value('project-buildingCosts'));
  return {
    applicant,
    builder,
    designer: {
      name: value('designer-name'),
      email: orNull(value('designer-email')),
      qualification: orNull(value('designer-qualification')),
      chamberMembershipNumber: orNull(value('designer-chamberMembershipNumber')),
      authorizedToSubmit: $('designer-authorizedToSubmit').checked,
    },
    plot: {
      municipalityKey: orNull(value('plot-municipalityKey')),
      gemarkung: value('plot-gemarkung'),
      flur: orNull(value('plot-flur')),
      parcels: value('plot-parcels').split(/[,;\s]+/).filter(Boolean),
      address: Object.values(plotAddress).some(Boolean) ? plotAddress : null,
    },
    project: {
      description: value('project-description'),
      measure: radio('project-measure'),
      buildingClass: value('project-buildingClass') === '' ? null : Number(value('project-buildingClass')),
      specialBuilding: bool('project-specialBuilding'),
      mainlyResidential: bool('project-mainlyResidential'),
      buildingCosts: costs,
    },
    procedure: radio('procedure'),
  };
}

// ---------- where a field is ----------

/** The input (or radio group) for a server path like "applicant.address.postalCode". */
function targetOf(path) {
  let id = path.replace(/\[\d+\]/g, '').split('.').filter((p) => p !== 'address').join('-');
  if (id.startsWith('builder-') && $('builder-same').checked) id = 'builder-same';
  return $(id);
}

function inputsOf(target) {
  return target.tagName === 'FIELDSET' ? [...target.querySelectorAll('input')] : [target];
}

function focusable(target) {
  return target.tagName === 'FIELDSET' ? target.querySelector('input') : target;
}

function stepOf(element) {
  return steps.indexOf(element.closest('fieldset.step'));
}

// ---------- steps ----------

function show(index, focusHeading = true) {
  current = index;
  steps.forEach((step, i) => { step.hidden = i !== index; });
  backButton.hidden = index === 0;
  nextButton.hidden = index === steps.length - 1;
  submitButton.hidden = index !== steps.length - 1;
  $('step-indicator').textContent = `Schritt ${index + 1} von ${steps.length}`;
  if (index === steps.length - 1) renderSummary();
  if (focusHeading) $(`step-${index + 1}-heading`).focus();
}

/** What the page itself can tell: an amount it cannot read (the server would only see none). */
function localProblems(index) {
  if (index === 4 && value('project-buildingCosts') !== '' && parseGermanAmount(value('project-buildingCosts')) === null) {
    return [{ target: $('project-buildingCosts'), text: 'Baukosten als Betrag in Euro angeben, z. B. 350.000.' }];
  }
  return [];
}

/** The server's verdict on the fields of one step; resolves the problems, or throws a network failure. */
async function serverProblems(index) {
  const section = SECTIONS[index];
  if (!section || (section === 'builder' && $('builder-same').checked)) return [];
  const answer = await send({
    method: 'POST',
    url: `/api/permit-applications/checks?sections=${section}`,
    body: JSON.stringify(application()),
    headers: { 'Content-Type': 'application/json' },
  });
  if (answer.status !== 200) {
    const problem = toProblem(answer.status, answer.body);
    return [{ target: null, text: problem.message }];
  }
  return answer.body.errors.map((e) => ({ target: targetOf(e.field), text: e.message }));
}

/** Server problems of a whole application, one per problem: with "Bauherr wie Antragsteller" the builder's copies go. */
function distinct(problems) {
  const seen = new Set();
  return problems.filter((p) => {
    const key = `${p.target ? p.target.id : ''}|${p.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Problems in the order of their fields on the page (the server's order is a set's). */
function inPageOrder(problems) {
  return [...problems].sort((a, b) => {
    if (!a.target || !b.target || a.target === b.target) return 0;
    return a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

function report(unordered, intro) {
  const problems = inPageOrder(unordered);
  clearFieldErrors(form);
  for (const p of problems) {
    if (p.target) showFieldError(p.target, p.text, inputsOf(p.target));
  }
  showErrorSummary(
    summaryBox,
    problems.map((p) => ({
      text: p.text,
      focus: p.target ? focusable(p.target) : null,
      onJump: p.target ? () => show(stepOf(p.target), false) : null,
    })),
    { intro }
  );
}

let checking = false;

async function next() {
  if (checking || current === steps.length - 1) return;
  checking = true;
  nextButton.disabled = true;
  try {
    let problems = localProblems(current);
    if (!problems.length) problems = await serverProblems(current);
    if (problems.length) {
      report(problems);
      return;
    }
    clearFieldErrors(steps[current]);
    hideErrorSummary(summaryBox);
    show(current + 1);
  } catch (failure) {
    report([{ target: null, text: failure.message }]);
  } finally {
    checking = false;
    nextButton.disabled = false;
  }
}

nextButton.addEventListener('click', next);
// Enter in a field moves on (after the step's check); it never sends the application. A textarea
// keeps Enter for new lines; buttons, links and checkboxes keep their own meaning.
form.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.isComposing) return;
  const target = event.target;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return;
  if (target.type === 'checkbox' || target.type === 'file') return;
  event.preventDefault();
  next();
});
form.addEventListener('submit', (event) => event.preventDefault());
// an error goes as soon as its field is changed
form.addEventListener('input', (event) => clearFieldError(event.target));
form.addEventListener('change', (event) => clearFieldError(event.target));
backButton.addEventListener('click', () => {
  hideErrorSummary(summaryBox);
  show(current - 1);
});
$('builder-same').addEventListener('change', () => {
  $('builder-fields').hidden = $('builder-same').checked;
});

// ---------- documents ----------

function renderDocuments() {
  const list = $('document-list');
  list.replaceChildren(
    ...documents.map((d, i) => {
      const remove = el('button', { type: 'button', class: 'link', 'aria-label': `${d.file.name} entfernen` }, 'Entfernen');
      remove.addEventListener('click', () => { documents.splice(i, 1); renderDocuments(); $('document-file').focus(); });
      return el('li', { class: 'file-list__row' },
        el('span', { class: 'file-list__name' }, `${d.file.name} – ${kindLabel(rules, d.kind)}, ${formatBytes(d.file.size)}`), ' ', remove);
    })
  );
  if (!documents.length) list.append(el('li', {}, 'Noch keine Unterlagen ausgewählt.'));
}

// the chosen files, checked as soon as they are chosen: {files, problem} (problem null: fine)
let chosen = { files: [], problem: null, pending: null };

async function checkChosen() {
  const input = $('document-file');
  const problem = $('document-problem');
  const files = [...input.files];
  hideAlert(problem);
  input.removeAttribute('aria-invalid');
  $('document-check').textContent = files.length ? 'Datei wird geprüft …' : '';
  const pending = (async () => {
    for (const file of files) {
      const wrong = await checkDocumentFile(file, rules);
      if (wrong) return wrong;
    }
    return null;
  })();
  chosen = { files, problem: null, pending };
  const wrong = await pending;
  if (chosen.pending !== pending) return; // another choice came in meanwhile
  chosen.problem = wrong;
  if (wrong) {
    $('document-check').textContent = '';
    showAlert(problem, { title: 'Datei prüfen', detail: wrong });
    input.setAttribute('aria-invalid', 'true');
  } else {
    $('document-check').textContent = files.length ? 'Datei geprüft: Format und Größe sind in Ordnung.' : '';
  }
}

$('document-file').addEventListener('change', checkChosen);

$('document-add').addEventListener('click', async () => {
  const input = $('document-file');
  if (chosen.pending) await chosen.pending;
  if (!chosen.files.length) {
    showAlert($('document-problem'), { title: 'Datei prüfen', detail: 'Bitte zuerst eine Datei wählen.' });
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  if (chosen.problem) {
    input.focus();
    return;
  }
  for (const file of chosen.files) documents.push({ file, kind: $('document-kind').value });
  input.value = '';
  chosen = { files: [], problem: null, pending: null };
  $('document-check').textContent = '';
  renderDocuments();
});
applyRules();

// ---------- summary ----------

function renderSummary() {
  const a = application();
  const addressText = (ad) => (ad ? `${ad.street}, ${ad.postalCode} ${ad.city}` : '–');
  const yesNo = (b) => (b === null ? '–' : b ? 'ja' : 'nein');
  const label = (id) => { const e = $(id); return e ? form.querySelector(`label[for="${id}"]`).textContent.trim() : ''; };
  const sections = [
    [1, 'Antragsteller', [['Name', a.applicant.name], ['E-Mail', a.applicant.email || '–'], ['Anschrift', addressText(a.applicant.address)]]],
    [2, 'Bauherr', $('builder-same').checked ? [['', 'wie Antragsteller']] : [['Name', a.builder.name], ['E-Mail', a.builder.email || '–'], ['Anschrift', addressText(a.builder.address)]]],
    [3, 'Entwurfsverfasser', [['Name', a.designer.name], ['Berufsqualifikation', $('designer-qualification').selectedOptions[0].textContent], ['Kammer-Nr.', a.designer.chamberMembershipNumber || '–'], ['Bauvorlageberechtigung bestätigt', yesNo(a.designer.authorizedToSubmit)]]],
    [4, 'Grundstück', [['Gemeinde', municipalityName(a.plot.municipalityKey)], ['Gemarkung', a.plot.gemarkung], ['Flur', a.plot.flur || '–'], ['Flurstücke', a.plot.parcels.join(', ')], ['Anschrift', addressText(a.plot.address)]]],
    [5, 'Vorhaben', [['Beschreibung', a.project.description], ['Art der Maßnahme', a.project.measure ? label(`project-measure-${a.project.measure}`) : '–'], ['Gebäudeklasse', a.project.buildingClass || '–'], ['Sonderbau', yesNo(a.project.specialBuilding)], ['Überwiegend Wohnen', yesNo(a.project.mainlyResidential)], ['Baukosten', a.project.buildingCosts === null ? '–' : formatEuro(a.project.buildingCosts)], ['Verfahrensart', a.procedure ? label(`procedure-${a.procedure}`) : '–']]],
    [6, 'Unterlagen', documents.length ? documents.map((d) => [kindLabel(rules, d.kind), d.file.name]) : [['', 'keine – bitte später nachreichen']]],
  ];
  $('summary').replaceChildren(
    ...sections.map(([step, title, rows]) => {
      const change = el('button', { type: 'button', class: 'link' }, 'Ändern', el('span', { class: 'visually-hidden' }, `: ${title}`));
      change.addEventListener('click', () => show(step - 1));
      return el('section', { class: 'summary-section' },
        el('div', { class: 'summary-section__head' }, el('h3', {}, title), change),
        el('dl', { class: 'summary-list' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k || ' '), el('dd', {}, String(v))])));
    })
  );
}

// ---------- sending ----------

submitButton.addEventListener('click', async () => {
  const body = JSON.stringify(application());
  if (!idempotency || idempotency.body !== body) idempotency = { key: crypto.randomUUID(), body };
  submitButton.disabled = true;
  let answer;
  try {
    answer = await send({ method: 'POST', url: '/api/permit-applications', body, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotency.key } });
  } catch (failure) {
    submitButton.disabled = false;
    report([{ target: null, text: failure.message }]);
    return;
  }
  submitButton.disabled = false;
  if (answer.status !== 201 && answer.status !== 200) {
    const problem = toProblem(answer.status, answer.body);
    let problems = problem.errors.length
      ? problem.errors
          .filter((e) => !(e.field && e.field.startsWith('builder') && $('builder-same').checked))
          .map((e) => ({ target: e.field ? targetOf(e.field) : null, text: e.message }))
      : [{ target: problem.field ? targetOf(problem.field) : null, text: problem.message }];
    // the steps were checked when left: what is left belongs to the first step with a problem
    const located = problems.filter((p) => p.target);
    if (located.length) {
      const first = Math.min(...located.map((p) => stepOf(p.target)));
      problems = problems.filter((p) => !p.target || stepOf(p.target) === first);
      show(first, false);
    }
    report(distinct(problems), problem.errors.length ? null : problem.title);
    return;
  }
  hideErrorSummary(summaryBox);
  await confirm(answer.body);
});

async function confirm(receipt) {
  form.hidden = true;
  $('step-indicator').hidden = true;
  const link = new URL(`verfolgen.html#${new URLSearchParams({ antrag: receipt.applicationId, code: receipt.trackingToken })}`, location.href).href;
  $('file-number').textContent = receipt.fileNumber;
  $('access-code').textContent = receipt.accessCode;
  $('tracking-link').href = link;
  $('tracking-url').textContent = link;
  $('confirmation').hidden = false;
  $('confirmation-heading').focus();
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link);
      $('copy-result').textContent = 'Link kopiert.';
    } catch {
      $('copy-result').textContent = 'Kopieren nicht möglich – bitte den Link oben markieren und kopieren.';
    }
  });
  const list = $('upload-list');
  let failed = 0;
  for (const d of documents) {
    const line = progressItem(d.file.name);
    list.append(line.item);
    const data = new FormData();
    data.append('file', d.file);
    data.append('kind', d.kind);
    try {
      const answer = await send({ method: 'POST', url: `/api/permit-applications/${receipt.applicationId}/documents`, body: data, headers: { 'X-Tracking-Token': receipt.trackingToken }, onProgress: line.update });
      if (answer.status >= 200 && answer.status < 300) line.done(`${d.file.name} (${kindLabel(rules, d.kind)}): hochgeladen`);
      else { failed++; line.fail(`${d.file.name}: nicht angenommen – ${toProblem(answer.status, answer.body).message}`); }
    } catch (failure) {
      failed++;
      line.fail(`${d.file.name}: nicht übertragen – ${failure.message}`);
    }
  }
  $('upload-summary').textContent = !documents.length
    ? 'Sie haben keine Unterlagen ausgewählt. Reichen Sie sie über den Link oben nach.'
    : failed
      ? `${failed} Datei(en) wurden nicht übertragen. Bitte reichen Sie sie über den Link oben nach.`
      : 'Alle Unterlagen wurden übertragen.';
}

show(0, false);
