// amtsflow: welcome configuration (overrides the webjar's scripts/config.js).
// German only, like Tasklist (see app/tasklist/scripts/config.js).
export default {
  app: {
    name: 'Start',
    vendor: 'amtsflow'
  },
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  links: [
    {
      label: 'Bürger- und Lieferantenportal',
      href: '/',
      description: 'Bauantrag stellen, Antrag verfolgen, E-Rechnung einreichen'
    }
  ]
};
