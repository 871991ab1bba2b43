// amtsflow: Camunda Forms in Tasklist, for German clerks.
//
// 1. A rule refusal (the engine answers "submit-form" with 4xx and a German sentence, e.g. the
//    reason a rejection needs) is shown inside the task, right above "Abschließen", as an alert
//    the screen reader announces; Tasklist's toast, which covers the buttons, is closed.
// 2. form-js texts that have no translation hook read German: the "Select" placeholder, the
//    built-in validation messages, the date picker (month and day names, Monday first, the
//    German date format and "TT.MM.JJJJ").
// Both work on what Tasklist and form-js render; no Camunda file is patched.

const REFUSAL_CLASS = 'amtsflow-refusal';
const SUBMIT_FORM = /\/task\/([^/]+)\/submit-form(?:\?|$)/;

// --- 1. refusals where the clerk works ---------------------------------------------------------

let lastRefusal = null;

function removeRefusal() {
  document.querySelectorAll('.' + REFUSAL_CLASS).forEach((box) => box.remove());
}

function refusalText(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    return (body && (body.message || body.detail)) || null;
  } catch (e) {
    return null;
  }
}

function showRefusal(message) {
  removeRefusal();
  const actions = document.querySelector('[cam-tasklist-task] .form-actions, .form-actions');
  if (!actions) {
    return;
  }
  const box = document.createElement('div');
  box.className = 'alert alert-danger ' + REFUSAL_CLASS;
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'Nicht abgeschlossen: ';
  box.appendChild(title);
  box.appendChild(document.createTextNode(message));
  actions.parentNode.insertBefore(box, actions);
  box.scrollIntoView({ block: 'nearest' });
  lastRefusal = { message, at: Date.now() };
  closeRefusalToasts();
}

function closeRefusalToasts() {
  if (!lastRefusal || Date.now() - lastRefusal.at > 10000) {
    return;
  }
  document.querySelectorAll('.page-notifications .alert-danger').forEach((toast) => {
    if (toast.textContent.includes(lastRefusal.message)) {
      // uib-alert brings a hidden close button of its own; Tasklist's visible one removes it
      const close = toast.querySelector('button.close:not(.ng-hide)');
      if (close) {
        close.click();
      } else {
        toast.remove();
      }
    }
  });
}

const nativeOpen = XMLHttpRequest.prototype.open;
const nativeSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.amtsflowSubmit = String(method).toUpperCase() === 'POST' && SUBMIT_FORM.test(String(url));
  return nativeOpen.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.amtsflowSubmit) {
    removeRefusal();
    this.addEventListener('load', () => {
      if (this.status >= 400 && this.status < 500) {
        const message = refusalText(this);
        if (message) {
          showRefusal(message);
        }
      }
    });
  }
  return nativeSend.apply(this, arguments);
};

// another task: the refusal belonged to the previous one
window.addEventListener('hashchange', removeRefusal);

// --- 2. form-js texts in German -------------------------------------------------------------

const MESSAGES = [
  [/^Field is required\.$/, () => 'Pflichtfeld.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Der Wert muss mindestens ${m[1]} sein.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Der Wert darf höchstens ${m[1]} sein.`],
  [
    /^Field must have minimum length of (.+)\.$/,
    (m) => `Bitte mindestens ${m[1]} Zeichen eingeben.`
  ],
  [
    /^Field must have maximum length of (.+)\.$/,
    (m) => `Bitte höchstens ${m[1]} Zeichen eingeben.`
  ],
  [/^Field must be a valid email\.$/, () => 'Bitte eine gültige E-Mail-Adresse eingeben.'],
  [
    /^Field must be a valid\s+international phone number\..*$/,
    () => 'Bitte eine Telefonnummer im internationalen Format eingeben (z. B. +49 89 123456).'
  ],
  [/^Field must match pattern (.+)\.$/, () => 'Die Eingabe hat nicht das erwartete Format.']
];

const GERMAN_CALENDAR = {
  weekdays: {
    shorthand: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    longhand: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag']
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    longhand: [
      'Januar',
      'Februar',
      'März',
      'April',
      'Mai',
      'Juni',
      'Juli',
      'August',
      'September',
      'Oktober',
      'November',
      'Dezember'
    ]
  },
  firstDayOfWeek: 1,
  weekAbbreviation: 'KW',
  rangeSeparator: ' bis ',
  scrollTitle: 'Zum Ändern scrollen',
  toggleTitle: 'Zum Umschalten klicken',
  time_24hr: true
};

// form-js derives the date picker's format from the browser's default locale: make that German,
// whatever language the clerk's browser is set to (Tasklist itself runs in German only).
const NativeDateTimeFormat = Intl.DateTimeFormat;
function GermanDefaultDateTimeFormat(locales, options) {
  if (locales !== undefined && locales !== 'default') {
    return new NativeDateTimeFormat(locales, options);
  }
  // a bare date reads 05.06.2020, as German forms print it
  return new NativeDateTimeFormat(
    'de-DE',
    options === undefined ? { day: '2-digit', month: '2-digit', year: 'numeric' } : options
  );
}
GermanDefaultDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
GermanDefaultDateTimeFormat.supportedLocalesOf =
  NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = GermanDefaultDateTimeFormat;

function germanText(node) {
  if (node.nodeType !== Node.TEXT_NODE || !node.parentElement) {
    return;
  }
  const parent = node.parentElement;
  const text = node.data.trim();
  if (text === 'Select' && parent.closest('.fjs-select-display')) {
    node.data = 'Bitte auswählen';
    return;
  }
  if (parent.closest('.fjs-form-field-error')) {
    for (const [pattern, german] of MESSAGES) {
      const match = text.match(pattern);
      if (match) {
        node.data = german(match);
        return;
      }
    }
  }
}

function germanElement(element) {
  if (element.matches('.fjs-datepicker input') || element.querySelector('.fjs-datepicker input')) {
    const inputs = element.matches('.fjs-datepicker input')
      ? [element]
      : element.querySelectorAll('.fjs-datepicker input');
    inputs.forEach(germanDatePicker);
  }
  element.querySelectorAll('input[placeholder="Search"]').forEach((input) => {
    input.placeholder = 'Suchen';
  });
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    germanText(node);
  }
}

function germanDatePicker(input) {
  if (input.placeholder !== 'TT.MM.JJJJ') {
    input.placeholder = 'TT.MM.JJJJ';
  }
  const picker = input._flatpickr;
  if (picker && !picker.amtsflowGerman) {
    picker.amtsflowGerman = true;
    picker.set('locale', GERMAN_CALENDAR);
  }
}

function pendingPickers() {
  document.querySelectorAll('.fjs-datepicker input').forEach(germanDatePicker);
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      germanText(mutation.target);
    } else if (mutation.type === 'attributes') {
      if (mutation.target.matches('.fjs-datepicker input')) {
        germanDatePicker(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) {
          germanElement(node);
          if (node.matches('.page-notifications .alert, .page-notifications .alert *')) {
            closeRefusalToasts();
          }
        } else {
          germanText(node);
        }
      });
    }
  }
  // form-js creates the flatpickr instance after the input is in the page
  pendingPickers();
  closeRefusalToasts();
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder']
});

export default [];
