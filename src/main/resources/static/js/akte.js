// The e-file page for clerks: akte.html#efile=<uuid>. Task forms in Tasklist link here; the API
// reads are authenticated by the clerk's Tasklist login (its session), so no second login.
// Ids: efile-title, efile-message, efile-facts, documents (table; each row has a link
// "doc-<documentId>" opening the current version).
'use strict';

(function () {
  const STATUS = { OPEN: 'offen', CLOSED: 'geschlossen' };
  // the e-file's document kinds in German; unknown kinds are shown as they are
  const KINDS = {
    application: 'Antrag',
    'site-plan': 'Lageplan',
    'floor-plan': 'Grundrisse',
    sections: 'Schnitte und Ansichten',
    'building-description': 'Baubeschreibung',
    statics: 'Standsicherheitsnachweis',
    'fire-protection': 'Brandschutznachweis',
    'neighbour-consent': 'Nachbarunterschriften',
    other: 'Sonstige Unterlage',
    decision: 'Bescheid',
    'invoice-original': 'Originalrechnung',
    'validation-report': 'Prüfbericht',
    'invoice-rendering': 'Lesbare Fassung der Rechnung',
    'payment-order': 'Zahlungsanordnung',
    notice: 'Mitteilung'
  };
  const dateTime = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin'
  });
  const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });

  function message(text, isError) {
    const box = document.getElementById('efile-message');
    box.textContent = '';
    box.className = isError ? 'box box--error' : '';
    if (Array.isArray(text)) {
      text.forEach((part) => box.append(part));
    } else {
      box.textContent = text;
    }
  }

  function link(href, text, id) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.target = '_blank';
    a.rel = 'noopener';
    if (id) a.id = id;
    return a;
  }

  function size(bytes) {
    if (bytes < 1024) return bytes + ' Byte';
    if (bytes < 1024 * 1024) return (bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 0 }) + ' KB';
    return (bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 }) + ' MB';
  }

  async function get(url) {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'fetch' }
    });
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function fact(list, term, value) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  async function load() {
    const params = new URLSearchParams(location.hash.slice(1));
    const id = params.get('efile');
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) {
      message('Keine Akte angegeben: Öffnen Sie die Akte über den Link im Aufgabenformular.', true);
      return;
    }
    let efile;
    let documents;
    try {
      [efile, documents] = await Promise.all([
        get('/api/efiles/' + id),
        get('/api/efiles/' + id + '/documents')
      ]);
    } catch (e) {
      if (e.status === 401) {
        message([
          'Bitte melden Sie sich zuerst in der ',
          link('/camunda/app/tasklist/', 'Aufgabenliste'),
          ' an und öffnen Sie die Akte dann erneut.'
        ], true);
      } else if (e.status === 403) {
        message('Sie haben keine Berechtigung für diese Akte.', true);
      } else if (e.status === 404) {
        message('Diese Akte gibt es nicht.', true);
      } else {
        message('Die Akte konnte nicht geladen werden. Bitte versuchen Sie es später erneut.', true);
      }
      return;
    }
    document.title = 'E-Akte ' + efile.fileNumber + ' – amtsflow';
    document.getElementById('efile-title').textContent = 'E-Akte ' + efile.fileNumber;
    const facts = document.getElementById('efile-facts');
    fact(facts, 'Betreff', efile.subject || '–');
    fact(facts, 'Status', STATUS[efile.status] || efile.status);
    fact(facts, 'Angelegt', dateTime.format(new Date(efile.createdAt)));
    if (efile.retentionUntil) {
      fact(facts, 'Aufbewahren bis', date.format(new Date(efile.retentionUntil)));
    }
    facts.hidden = false;

    const body = document.querySelector('#documents tbody');
    documents.forEach((doc) => {
      const base = '/api/efiles/' + id + '/documents/' + doc.id;
      const row = document.createElement('tr');
      const title = document.createElement('td');
      title.append(link(base + '/content', doc.title, 'doc-' + doc.id));
      const kind = document.createElement('td');
      kind.textContent = KINDS[doc.kind] || doc.kind;
      const version = document.createElement('td');
      version.textContent = String(doc.version);
      if (doc.version > 1) {
        version.append(' (', link(base + '/versions', 'Fassungen'), ')');
      }
      const file = document.createElement('td');
      file.textContent = doc.fileName + ', ' + size(doc.size);
      const created = document.createElement('td');
      created.textContent = dateTime.format(new Date(doc.createdAt)) + ', ' + doc.createdBy;
      row.append(title, kind, version, file, created);
      body.append(row);
    });
    document.getElementById('efile-documents').hidden = false;
    message(documents.length === 1 ? '1 Dokument.' : documents.length + ' Dokumente.');
  }

  document.addEventListener('DOMContentLoaded', load);
})();
