// The element templates the build generates from the contracts' ABIs (ElementTemplatesFile, in
// Maven's process-classes phase) against Camunda's element-templates JSON schema, with the validator
// the Camunda Modeler itself uses: what the desktop app and the web modeler load must be valid.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { validateAll } from '@bpmn-io/element-templates-validator'

const FILE = fileURLToPath(new URL('../../../../../target/element-templates/approvalchain.json', import.meta.url))

test('the generated element templates are valid Camunda 7 templates', () => {
  assert.ok(existsSync(FILE), `${FILE} is missing: run mvn process-classes in workflow-engine first`)
  const templates = JSON.parse(readFileSync(FILE, 'utf8'))
  const { valid, results } = validateAll(templates)
  const errors = results.flatMap((r) => (r.errors || []).map((e) => `${r.object.id}: ${e.message} at ${e.instancePath}`))
  assert.deepEqual(errors, [])
  assert.ok(valid)
  const ids = templates.map((t) => t.id)
  assert.ok(ids.includes('org.approvalchain.ManualDecision') && ids.includes('org.approvalchain.AssistedDecision'))
  assert.ok(ids.includes('org.approvalchain.ContractStep.EligibilityRule.evaluate'))
})
