// The automation map as the pages show it: every step with a label, the steps in process order, and
// what changed in the legal annotations between two versions. Pure functions over the served JSON.

/** The modes a step may have, in the order the totals and the legend show them. */
export const MODES = ['automatic', 'assisted', 'manual']

/** The annotations a legal reader compares between two versions of a process. */
export const ANNOTATIONS = ['mode', 'legalBasis', 'legalBasisUrl', 'discretion', 'contract', 'function', 'candidateGroups']

/** A step's label: its name, or its id when it has none, so that no label is empty. */
export const stepLabel = (step) => step.name?.trim() || step.id

/** The served map's steps in process order (its `order`); a step the order does not name comes last. */
export function stepsInOrder(served) {
  const position = new Map((served.order ?? []).map((id, i) => [id, i]))
  const rank = (step) => position.get(step.id) ?? Number.MAX_SAFE_INTEGER
  return [...served.map.steps].sort((a, b) => rank(a) - rank(b))
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The steps whose legal annotations differ between the maps `before` and `after` (the `map`
 * members), in `after`'s order then the removed ones: `{ id, label, kind: added | removed | changed,
 * fields: [{ name, before, after }] }`; steps with the same annotations are left out.
 */
export function annotationChanges(before, after) {
  const earlier = new Map(before.steps.map((s) => [s.id, s]))
  const later = new Set(after.steps.map((s) => s.id))
  const changes = []
  for (const step of after.steps) {
    const previous = earlier.get(step.id)
    if (!previous) {
      changes.push({ id: step.id, label: stepLabel(step), kind: 'added', fields: [] })
      continue
    }
    const fields = ANNOTATIONS.filter((name) => !same(previous[name], step[name]))
      .map((name) => ({ name, before: previous[name], after: step[name] }))
    if (fields.length) changes.push({ id: step.id, label: stepLabel(step), kind: 'changed', fields })
  }
  for (const step of before.steps.filter((s) => !later.has(s.id))) {
    changes.push({ id: step.id, label: stepLabel(step), kind: 'removed', fields: [] })
  }
  return changes
}
