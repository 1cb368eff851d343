// Fails the build when the message files do not have the same keys: every label and message must
// exist in Chinese and in English. Also refuses empty messages.
import { readFileSync } from 'node:fs'

const files = { 'zh-CN': 'src/locales/zh-CN.json', en: 'src/locales/en.json' }

function keys(messages, prefix = '') {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]])
}

const byLocale = Object.fromEntries(Object.entries(files).map(([locale, file]) =>
  [locale, new Map(keys(JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))))]))

const problems = []
for (const [locale, messages] of Object.entries(byLocale)) {
  for (const [other, otherMessages] of Object.entries(byLocale)) {
    for (const key of otherMessages.keys()) {
      if (!messages.has(key)) problems.push(`${files[locale]}: missing ${key} (present in ${other})`)
    }
  }
  for (const [key, text] of messages) {
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${files[locale]}: ${key} is empty`)
  }
}
if (problems.length > 0) {
  console.error(`check-messages: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`check-messages: ${byLocale.en.size} keys, the same in ${Object.keys(files).join(' and ')}`)
