// Lints an OpenAPI document with Redocly's recommended rules (the rules `redocly lint` applies):
// prints every problem and exits 1 when one of them is an error. ApiDocumentIT runs it over the
// document the engine serves. Usage: node scripts/lint-openapi.mjs <openapi.json>
import { createConfig, formatProblems, getTotals, lint } from '@redocly/openapi-core'

const [file] = process.argv.slice(2)
if (!file) {
  console.error('usage: node scripts/lint-openapi.mjs <openapi.json>')
  process.exit(2)
}
const config = await createConfig({ extends: ['recommended'] })
const problems = await lint({ ref: file, config })
const totals = getTotals(problems)
formatProblems(problems, { format: 'stylish', totals, version: 'openapi-core' })
console.log(`${file}: ${totals.errors} error(s), ${totals.warnings} warning(s)`)
process.exit(totals.errors > 0 ? 1 : 0)
