// amtsflow: Tasklist configuration (overrides the webjar's scripts/config.js).
// German only: clerks of a German authority work in German (§ 23 VwVfG); to offer English as
// well, list "en" after "de" — browsers asking for English then get it.
export default {
  app: {
    name: 'Aufgaben',
    vendor: 'amtsflow'
  },
  // task form links open in a new window (scripts/amtsflow-links.js)
  customScripts: ['scripts/amtsflow-links', 'scripts/amtsflow-forms'],
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, D. MMMM YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'übernimmt die ausgewählte Aufgabe'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'setzt den Fokus auf den ersten Filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'setzt den Fokus auf die erste Aufgabe der Liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'setzt den Fokus auf das erste Feld des Formulars'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öffnet den Dialog zum Starten eines Prozesses'
    }
  }
};
