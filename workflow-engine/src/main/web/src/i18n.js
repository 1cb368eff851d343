// zh-CN by default, English by the switch in the header; the choice is remembered in localStorage.
// Every text comes from the message files (scripts/check-messages.mjs keeps them in step); a key
// missing at run time is collected in window.__missingMessages, which the browser tests check.
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

export const LOCALES = ['zh-CN', 'en']
const STORAGE_KEY = 'approvalchain.locale'

function savedLocale() {
  const saved = localStorage.getItem(STORAGE_KEY)
  return LOCALES.includes(saved) ? saved : 'zh-CN'
}

window.__missingMessages = []

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: false,
  messages: { 'zh-CN': zhCN, en },
  missing: (locale, key) => {
    window.__missingMessages.push(`${locale}: ${key}`)
  },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale) {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}

document.documentElement.lang = i18n.global.locale.value
