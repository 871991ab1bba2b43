// "E-Rechnung einreichen": upload to POST /api/invoices (multipart "file"), then the verdict in
// plain German. Ids: invoice-file, invoice-resubmission, invoice-submit, invoice-problem (alert
// for refusals as problem+json), invoice-result (verdict), receipt-number, invoice-errors (list
// of failed rules), invoice-warnings.
import { el, send, toProblem, showAlert, hideAlert, progressItem } from './common.js';

const form = document.getElementById('invoice-form');
const fileInput = document.getElementById('invoice-file');
const problemBox = document.getElementById('invoice-problem');
const result = document.getElementById('invoice-result');
const progress = document.getElementById('invoice-progress');
const submit = document.getElementById('invoice-submit');

// several rules often share one plain-German explanation (a family's sentence): it is shown once,
// with the rules it stands for under "Technische Angabe"
function findings(id, items) {
  const list = el('ul', { id, class: 'findings' });
  const groups = new Map();
  for (const item of items) {
    const explanation = item.explanation || item.message;
    if (!groups.has(explanation)) {
      groups.set(explanation, []);
    }
    groups.get(explanation).push(item);
  }
  for (const [explanation, group] of groups) {
    const entry = el('li', {}, el('p', {}, explanation));
    const technical = group.filter(
      (item) => item.rule || (item.message && item.message !== explanation)
    );
    if (technical.length) {
      const rules = [...new Set(technical.map((item) => item.rule).filter(Boolean))];
      const label = rules.length > 1 ? `: Regeln ${rules.join(', ')}` : rules.length ? `: Regel ${rules[0]}` : '';
      const details = el('details', {}, el('summary', {}, `Technische Angabe${label}`));
      for (const item of technical) {
        if (item.message && item.message !== explanation) {
          details.append(el('p', { class: 'small' }, (rules.length > 1 && item.rule ? item.rule + ': ' : '') + item.message));
        }
      }
      entry.append(details);
    }
    list.append(entry);
  }
  return list;
}

function showReceipt(receipt) {
  const valid = receipt.validation && receipt.validation.valid;
  const errors = (receipt.validation && receipt.validation.errors) || [];
  const warnings = (receipt.validation && receipt.validation.warnings) || [];
  result.replaceChildren();
  const box = el('div', { class: valid ? 'box box--success' : 'box box--error' });
  box.append(
    el(
      'h2',
      { id: 'result-heading' },
      valid
        ? 'Ihre Rechnung ist eingegangen und wird geprüft.'
        : 'Ihre Rechnung konnte nicht angenommen werden.'
    ),
    el('p', {}, 'Eingangsnummer: ', el('strong', { id: 'receipt-number', class: 'file-number' }, receipt.fileNumber))
  );
  if (valid) {
    box.append(el('p', {}, 'Bitte geben Sie die Eingangsnummer bei Rückfragen an.'));
  } else {
    box.append(
      el('p', {}, errors.length === 1
        ? 'Die Prüfung hat einen Fehler ergeben:'
        : `Die Prüfung hat ${errors.length} Fehler ergeben:`),
      findings('invoice-errors', errors),
      el('p', {}, 'Bitte korrigieren Sie die Rechnung (meist in Ihrem Rechnungsprogramm) und reichen Sie sie erneut ein. Sie erhalten die Gründe auch per E-Mail, wenn die Rechnung eine Adresse nennt.')
    );
  }
  result.append(box);
  if (warnings.length) {
    result.append(
      el('div', { class: 'box box--notice' },
        el('h3', {}, 'Hinweise (kein Hindernis für die Annahme)'),
        findings('invoice-warnings', warnings))
    );
  }
  result.hidden = false;
  result.querySelector('h2').setAttribute('tabindex', '-1');
  result.querySelector('h2').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  hideAlert(problemBox);
  result.hidden = true;
  const file = fileInput.files[0];
  if (!file) {
    showAlert(problemBox, { title: 'Keine Datei gewählt', detail: 'Bitte wählen Sie die Rechnungsdatei aus.' });
    fileInput.setAttribute('aria-invalid', 'true');
    fileInput.focus();
    return;
  }
  fileInput.removeAttribute('aria-invalid');
  const data = new FormData();
  data.append('file', file);
  const line = progressItem(file.name);
  progress.replaceChildren(line.item);
  submit.disabled = true;
  try {
    const headers = document.getElementById('invoice-resubmission').checked
      ? { 'X-Resubmission': 'true' }
      : {};
    const answer = await send({ method: 'POST', url: '/api/invoices', body: data, headers, onProgress: line.update });
    if (answer.status === 202 || answer.status === 200) {
      line.done(`${file.name}: übertragen`);
      showReceipt(answer.body);
    } else {
      const problem = toProblem(answer.status, answer.body);
      line.fail(`${file.name}: nicht angenommen`);
      showAlert(problemBox, problem);
      fileInput.setAttribute('aria-invalid', 'true');
      problemBox.setAttribute('tabindex', '-1');
      problemBox.focus();
    }
  } catch (failure) {
    line.fail(`${file.name}: nicht übertragen`);
    showAlert(problemBox, { title: 'Keine Verbindung', detail: failure.message });
  } finally {
    submit.disabled = false;
  }
});
