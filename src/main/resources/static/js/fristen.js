// The Fristen overview for clerks: fristen.html. The API read is authenticated by the clerk's
// Tasklist login (its session), as on the e-file page. Sorting and the kind filter run here.
// Ids: deadline-kind (filter), deadlines-message, deadlines (table; rows "deadline-<n>" with the
// classes deadline--soon (fiction within 14 days), deadline--overdue, deadline--skonto).
import { el, send, toProblem, NETWORK_ERROR } from './common.js';

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
const table = document.getElementById('deadlines');
const message = document.getElementById('deadlines-message');
const filter = document.getElementById('deadline-kind');
let rows = [];
let sortKey = 'endsOn';
let ascending = true;

function days(n) {
  if (n === 0) return 'endet heute';
  if (n < 0) return (n === -1 ? 'seit 1 Tag' : 'seit ' + -n + ' Tagen') + ' überschritten';
  return n === 1 ? '1 Tag' : n + ' Tage';
}

function flag(row) {
  if (row.overdue) return 'Frist überschritten';
  if (row.kind === 'SKONTO') return 'Skonto gefährdet';
  if (row.fictionSoon) return 'Fiktion in ' + days(row.daysLeft);
  return null;
}

function compare(a, b) {
  const x = a[sortKey];
  const y = b[sortKey];
  const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'de');
  return (ascending ? order : -order) || a.endsOn.localeCompare(b.endsOn);
}

function render() {
  const body = table.tBodies[0];
  body.textContent = '';
  const shown = rows.filter((r) => !filter.value || r.kind === filter.value).sort(compare);
  shown.forEach((row, i) => {
    const note = flag(row);
    const classes = [
      row.overdue ? 'deadline--overdue' : row.fictionSoon ? 'deadline--soon' : '',
      row.kind === 'SKONTO' ? 'deadline--skonto deadline--soon' : ''
    ].join(' ').trim();
    body.append(
      el('tr', { id: 'deadline-' + i, class: classes || null },
        el('td', {}, row.fileNumber),
        el('td', {}, row.process),
        el('td', {}, row.kindLabel),
        el('td', {}, row.what, note ? el('span', { class: 'deadline-flag' }, note) : null),
        el('td', {}, el('time', { datetime: row.endsOn }, dateFormat.format(new Date(row.endsOn)))),
        el('td', {}, days(row.daysLeft)),
        el('td', {}, row.groupName)));
  });
  table.hidden = shown.length === 0;
  message.className = '';
  message.textContent = shown.length === 0
    ? 'Keine laufenden Fristen.'
    : shown.length === 1 ? '1 laufende Frist.' : shown.length + ' laufende Fristen.';
  for (const th of table.tHead.rows[0].cells) {
    if (th.dataset.sort === sortKey) th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
}

for (const th of table.tHead.rows[0].cells) {
  th.querySelector('button').addEventListener('click', () => {
    ascending = sortKey === th.dataset.sort ? !ascending : true;
    sortKey = th.dataset.sort;
    render();
  });
}
filter.addEventListener('change', render);

async function load() {
  try {
    const answer = await send({ url: '/api/deadlines' });
    if (answer.status === 200 && Array.isArray(answer.body)) {
      rows = answer.body;
      render();
      return;
    }
    message.className = 'box box--error';
    message.textContent = answer.status === 401
      ? 'Bitte melden Sie sich zuerst in der Tasklist an; danach zeigt diese Seite Ihre Fristen.'
      : toProblem(answer.status, answer.body).message;
  } catch (e) {
    message.className = 'box box--error';
    message.textContent = (e && e.message) || NETWORK_ERROR;
  }
}

load();
