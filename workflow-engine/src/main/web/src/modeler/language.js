// bpmn-js's `translate` service in the web application's language: Chinese from bpmn-js-i18n (the
// community-maintained translations of the diagram: palette, context pad, replace menu) and our
// table for the properties panel and the element templates; English as the libraries write it.
// The service reads the language at each call, and `languageChanged` has what bpmn-js drew
// already drawn again, so the modeler follows the language switch without reloading the model.
import zhDiagram from 'bpmn-js-i18n/translations/zn.js'
import zhPanel from './translations/zh-CN.js'

const TABLES = { 'zh-CN': { ...zhDiagram, ...zhPanel } }

/** The text in `locale` (English when there is no translation), its {placeholders} replaced. */
export function translated(locale, template, replacements = {}) {
  const text = TABLES[locale]?.[template] ?? template
  return text.replace(/{([^}]+)}/g, (placeholder, key) => (key in replacements ? replacements[key] : placeholder))
}

/** A bpmn-js module whose `translate` service speaks the language `currentLocale()` names. */
export function languageModule(currentLocale) {
  return { translate: ['value', (template, replacements) => translated(currentLocale(), template, replacements)] }
}

/** Draws the palette and the properties panel again in the language now in force (the context pad is drawn on each opening). */
export function languageChanged(modeler) {
  const eventBus = modeler.get('eventBus')
  eventBus.fire('i18n.changed')
  eventBus.fire('propertiesPanel.providersChanged')
}
