// amtsflow: admin configuration (overrides the webjar's scripts/config.js).
// German only, like Tasklist (see app/tasklist/scripts/config.js).
export default {
  app: {
    name: 'Verwaltung',
    vendor: 'amtsflow'
  },
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  }
};
