import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotationChanges, stepLabel, stepsInOrder } from './automationMap.js'

const check = { id: 'Activity_Check', name: '核验 Check', mode: 'automatic', legalBasis: '行政许可法 第三十二条', discretion: false,
  contract: 'EligibilityRule', function: 'evaluate', candidateGroups: [] }
const review = { id: 'Activity_Review', name: null, mode: 'manual', legalBasis: '行政许可法 第三十四条', discretion: true,
  contract: null, function: null, candidateGroups: ['licensing-officers'] }

test('a step without a name is labelled by its id, never left empty', () => {
  assert.equal(stepLabel(check), '核验 Check')
  assert.equal(stepLabel(review), 'Activity_Review')
  assert.equal(stepLabel({ id: 'Activity_Blank', name: '  ' }), 'Activity_Blank')
})

test('steps follow the served process order, a step it does not name comes last', () => {
  const extra = { id: 'Activity_Extra', name: 'Extra' }
  const served = { map: { steps: [review, extra, check] }, order: ['Activity_Check', 'Activity_Review'] }
  assert.deepEqual(stepsInOrder(served).map((s) => s.id), ['Activity_Check', 'Activity_Review', 'Activity_Extra'])
})

test('lists the annotations that changed, and the steps added and removed', () => {
  const before = { steps: [check, review] }
  const after = { steps: [{ ...check, mode: 'assisted', legalBasis: '行政许可法 第三十四条' },
    { ...review, candidateGroups: ['licensing-officers'] }, { id: 'Activity_New', name: 'New' }] }
  assert.deepEqual(annotationChanges(before, after), [
    { id: 'Activity_Check', label: '核验 Check', kind: 'changed', fields: [
      { name: 'mode', before: 'automatic', after: 'assisted' },
      { name: 'legalBasis', before: '行政许可法 第三十二条', after: '行政许可法 第三十四条' }] },
    { id: 'Activity_New', label: 'New', kind: 'added', fields: [] },
  ])
  assert.deepEqual(annotationChanges(after, before).filter((c) => c.kind === 'removed').map((c) => c.id), ['Activity_New'])
})
