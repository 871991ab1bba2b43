// Shared helpers of the amtsflow public pages (ES module, no dependencies):
// problem+json handling, XHR upload with progress, German formatting, the error
// summary and per-field error display, document kinds and file checks.

// ---------- the server's rules for the permit forms (GET /api/permit-applications/form-rules) ----------
// One source: the upload limit, the accepted formats, the document kinds and the qualifications
// come from the server that enforces them; a chosen file is checked by the server's own sniffing.

let rulesRequest = null;

/** The form rules, fetched once per page: {upload: {maxBytes, maxSizeText, headBytes, formats}, documentKinds, qualifications}. */
export function formRules() {
  if (!rulesRequest) {
    rulesRequest = send({ url: '/api/permit-applications/form-rules' }).then((answer) => {
      if (answer.status !== 200) {
        rulesRequest = null;
        throw { message: toProblem(answer.status, answer.body).message };
      }
      return answer.body;
    }, (failure) => {
      rulesRequest = null;
      throw failure;
    });
  }
  return rulesRequest;
}

export function kindLabel(rules, kind) {
  const found = rules.documentKinds.find((k) => k.value === kind);
  return found ? found.label : kind;
}

/** Fills a <select> with the document kinds (keeps a leading placeholder option if present). */
export function fillKindSelect(select, rules, selected) {
  for (const kind of rules.documentKinds) {
    const option = new Option(kind.label, kind.value);
    if (kind.value === selected) option.selected = true;
    select.append(option);
  }
}

/** The accept attribute for a file input: extensions and media types the server takes. */
export function acceptOf(rules) {
  const formats = rules.upload.formats;
  return [...new Set([...formats.flatMap((f) => f.extensions), ...formats.map((f) => f.mediaType)])].join(',');
}

/** "PDF, XML, PNG, JPEG und TIFF". */
export function formatNames(rules) {
  const names = [...new Set(rules.upload.formats.map((f) => f.name))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} und ${names[names.length - 1]}` : names.join('');
}

/**
 * Checks a chosen file as the upload will: size here, its format by the server, which reads the
 * file's first bytes (nothing is stored). Resolves a German message, or null when it is fine.
 */
export async function checkDocumentFile(file, rules) {
  rules = rules || (await formRules());
  if (file.size === 0) return `„${file.name}“ ist leer.`;
  if (file.size > rules.upload.maxBytes) {
    return `„${file.name}“ ist ${formatBytes(file.size)} groß; höchstens ${rules.upload.maxSizeText} je Datei sind möglich.`;
  }
  const data = new FormData();
  data.append('head', file.slice(0, rules.upload.headBytes), file.name);
  data.append('size', String(file.size));
  let answer;
  try {
    answer = await send({ method: 'POST', url: '/api/permit-applications/document-checks', body: data });
  } catch (failure) {
    return failure.message;
  }
  if (answer.status === 200) return null;
  const problem = toProblem(answer.status, answer.body);
  return answer.status === 415
    ? `„${file.name}“ ist nach ihrem Inhalt keine zulässige Datei (zulässig sind ${formatNames(rules)}). Bitte wählen Sie eine andere Datei.`
    : `„${file.name}“: ${problem.message}`;
}

// ---------- German formatting ----------

const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTimeFormat.format(date);
}

const bytesFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${bytesFormat.format(bytes / 1024)} KB`;
  return `${bytesFormat.format(bytes / (1024 * 1024))} MB`;
}

const euroFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export function formatEuro(amount) {
  return euroFormat.format(amount);
}

/**
 * Parses a German amount like "350.000", "350000,50", "350.000,50 €" or "350 000".
 * Returns a number, or null when the text is not an amount.
 */
export function parseGermanAmount(text) {
  let s = String(text || '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€|EUR|Euro/gi, '');
  if (s === '') return null;
  if (s.includes(',')) {
    const [whole, fraction, ...rest] = s.split(',');
    if (rest.length > 0) return null;
    if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(whole)) return null;
    if (!/^\d{0,2}$/.test(fraction)) return null;
    s = whole.replace(/\./g, '') + (fraction ? '.' + fraction : '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  } else if (!/^\d+(\.\d{1,2})?$/.test(s)) {
    return null;
  }
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

// ---------- DOM helpers ----------

/** Creates an element: el('p', {class: 'x', id: 'y'}, 'text', childNode, ...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---------- problem+json ----------

export const NETWORK_ERROR =
  'Die Verbindung zum Server ist fehlgeschlagen. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. Ihre Eingaben bleiben erhalten.';

const STATUS_FALLBACK = {
  400: 'Die Angaben konnten nicht verarbeitet werden.',
  404: 'Nicht gefunden.',
  409: 'Die Anfrage steht im Widerspruch zum aktuellen Stand.',
  413: 'Die Datei ist zu groß.',
  415: 'Dieses Dateiformat wird nicht angenommen.',
  422: 'Die Angaben konnten nicht verarbeitet werden.',
  429: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
};

/**
 * Normalises an error answer (problem+json, or anything else) to
 * {status, title, detail, code, errors: [{field, message}], field, message}.
 * `message` is the German sentence to show when there is nothing field-specific.
 */
export function toProblem(status, body) {
  const p = body && typeof body === 'object' ? body : {};
  const errors = Array.isArray(p.errors)
    ? p.errors.filter((e) => e && typeof e === 'object').map((e) => ({
        field: typeof e.field === 'string' ? e.field : null,
        message: typeof e.message === 'string' ? e.message : String(e.message || ''),
      }))
    : [];
  const fallback =
    STATUS_FALLBACK[status] ||
    (status >= 500
      ? 'Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut. Ihre Eingaben bleiben erhalten.'
      : 'Die Anfrage ist fehlgeschlagen.');
  const title = typeof p.title === 'string' && p.title ? p.title : null;
  const detail = typeof p.detail === 'string' && p.detail ? p.detail : null;
  return {
    status,
    title,
    detail,
    code: typeof p.code === 'string' ? p.code : null,
    errors,
    field: typeof p.field === 'string' ? p.field : null,
    message: detail || title || fallback,
    raw: p,
  };
}

function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Sends a request with XMLHttpRequest (uploads report progress).
 * Resolves {status, body, headers} for every HTTP answer; rejects with
 * {network: true, message} when no answer arrived.
 */
export function send({ method = 'GET', url, body = null, headers = {}, onProgress = null }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    // a 401 must not make the browser pop up its Basic login dialog
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (onProgress && xhr.upload) {
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
    }
    xhr.addEventListener('load', () => {
      resolve({
        status: xhr.status,
        body: parseJson(xhr.responseText),
        header: (name) => xhr.getResponseHeader(name),
      });
    });
    const failed = () => reject({ network: true, message: NETWORK_ERROR });
    xhr.addEventListener('error', failed);
    xhr.addEventListener('abort', failed);
    xhr.addEventListener('timeout', failed);
    xhr.send(body);
  });
}

/** Sends JSON; see send(). */
export function sendJson(method, url, data, headers = {}) {
  return send({
    method,
    url,
    body: JSON.stringify(data),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

// ---------- field errors and the error summary ----------

/** The element that shows the message of a field or group (created on first use). */
function messageElementFor(target) {
  const container = target.closest('.field, .group, .choice-group') || target.parentElement;
  let message = container.querySelector(':scope > .field-error');
  if (!message) {
    message = el('p', { class: 'field-error', id: `${target.id || container.id}-error` });
    const anchor =
      container.querySelector(':scope > legend') ||
      container.querySelector(':scope > label') ||
      null;
    const hint = container.querySelector(':scope > .hint');
    const after = hint || anchor;
    if (after) after.after(message);
    else container.prepend(message);
  }
  return { container, message };
}

/**
 * Shows a message next to an input (or a radio group: pass the group's fieldset as target and
 * its inputs as inputs). Several messages on one field are joined.
 */
export function showFieldError(target, text, inputs = [target]) {
  const { container, message } = messageElementFor(target);
  container.classList.add('has-error');
  message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
  for (const input of inputs) {
    input.setAttribute('aria-invalid', 'true');
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!ids.includes(message.id)) {
      input.setAttribute('aria-describedby', [message.id, ...ids].join(' '));
    }
  }
}

/** Removes the message of the field (or radio group) an input belongs to. */
export function clearFieldError(input) {
  const container = input.closest('.field, .group, .choice-group') || input.parentElement;
  if (!container || !container.classList.contains('has-error')) return;
  clearFieldErrors(container);
  container.classList.remove('has-error');
}

/** Removes all field messages below root. */
export function clearFieldErrors(root) {
  for (const message of root.querySelectorAll('.field-error')) {
    for (const input of root.querySelectorAll(`[aria-describedby~="${message.id}"]`)) {
      const ids = input
        .getAttribute('aria-describedby')
        .split(/\s+/)
        .filter((id) => id && id !== message.id);
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
      else input.removeAttribute('aria-describedby');
    }
    message.remove();
  }
  for (const invalid of root.querySelectorAll('[aria-invalid="true"]')) {
    invalid.removeAttribute('aria-invalid');
  }
  for (const container of root.querySelectorAll('.has-error')) {
    container.classList.remove('has-error');
  }
}

/**
 * Renders the error summary box: entries [{text, focus: element|null, onJump: fn|null}].
 * Each entry with a target is a link that jumps to and focuses it. `intro` is an optional
 * sentence above the list (e.g. the problem's detail). Moves focus to the box.
 */
export function showErrorSummary(box, entries, { heading = 'Bitte korrigieren Sie folgende Angaben', intro = null, focus = true } = {}) {
  box.replaceChildren();
  box.classList.add('box', 'box--error', 'error-summary');
  box.setAttribute('role', 'alert');
  box.setAttribute('tabindex', '-1');
  const headingId = `${box.id}-heading`;
  box.setAttribute('aria-labelledby', headingId);
  box.append(el('h2', { id: headingId }, heading));
  if (intro) box.append(el('p', {}, intro));
  if (entries.length) {
    const list = el('ul');
    for (const entry of entries) {
      if (entry.focus) {
        const link = el('a', { href: `#${entry.focus.id}` }, entry.text);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          if (entry.onJump) entry.onJump();
          entry.focus.focus();
          entry.focus.scrollIntoView({ block: 'center' });
        });
        list.append(el('li', {}, link));
      } else {
        list.append(el('li', {}, entry.text));
      }
    }
    box.append(list);
  }
  box.hidden = false;
  if (focus) {
    box.focus();
    box.scrollIntoView({ block: 'start' });
  }
}

export function hideErrorSummary(box) {
  box.hidden = true;
  box.replaceChildren();
}

/** Shows a short alert (problem title + detail) in a box; `box` is emptied first. */
export function showAlert(box, problem, { heading = null } = {}) {
  box.replaceChildren();
  box.classList.add('box', 'box--error');
  box.setAttribute('role', 'alert');
  const title = heading || problem.title || 'Das hat nicht geklappt';
  box.append(el('p', { class: 'box-title' }, title));
  const detail = problem.detail || (problem.title ? null : problem.message);
  if (detail && detail !== title) box.append(el('p', {}, detail));
  for (const e of problem.errors || []) {
    if (e.message && e.message !== detail) box.append(el('p', {}, e.message));
  }
  box.hidden = false;
}

export function hideAlert(box) {
  box.hidden = true;
  box.replaceChildren();
}

/** A progress line for one upload: returns {item, update(fraction), done(text), fail(text)}. */
export function progressItem(fileName) {
  const text = el('span', { class: 'upload-item__text' }, `${fileName}: 0 %`);
  const bar = el('progress', { max: '100', value: '0', 'aria-label': `Fortschritt ${fileName}` });
  const item = el('li', { class: 'upload-item' }, text, bar);
  let shown = 0;
  return {
    item,
    update(fraction) {
      const percent = Math.min(100, Math.round(fraction * 100));
      bar.value = percent;
      // the text is in a live region: announce in steps, not every percent
      if (percent === 100 || percent - shown >= 10) {
        shown = percent;
        text.textContent = `${fileName}: ${percent} %`;
      }
    },
    done(message) {
      bar.value = 100;
      bar.remove();
      text.className = 'ok';
      text.textContent = message;
    },
    fail(message) {
      bar.remove();
      text.className = 'failed';
      text.textContent = message;
    },
  };
}
