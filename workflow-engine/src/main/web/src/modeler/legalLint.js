// Live legal lint: after every change (debounced) the model goes to the engine, which checks it with
// the deployment gate's own rules (POST /api/models/validate, nothing deployed): one implementation
// of the rules, on the server. Each finding is drawn on its element through bpmn-js's overlays and
// markers: a badge with the rule, and a tooltip with the message and how to fix it.
import { api } from '../composables/api.js'

const MARKER = 'ac-finding'
const OVERLAY = 'ac-legal-lint'

/**
 * Lints the modeler's model after each change. `onResult` hears `{ pending: true }` when a check is
 * due and `{ findings, error, pending: false }` when it is done (the latest one only); `describe(finding)` gives `{ title, fix }` for the tooltip.
 * Returns `{ now(), destroy() }`.
 */
export function legalLint(modeler, { onResult, describe, delay = 400 }) {
  const eventBus = modeler.get('eventBus')
  const canvas = modeler.get('canvas')
  const overlays = modeler.get('overlays')
  const registry = modeler.get('elementRegistry')
  let timer
  let sequence = 0
  let marked = []

  function show(findings) {
    overlays.remove({ type: OVERLAY })
    marked.forEach((id) => registry.get(id) && canvas.removeMarker(id, MARKER))
    marked = []
    const byElement = new Map()
    findings.filter((f) => registry.get(f.elementId)).forEach((f) => byElement.set(f.elementId, [...(byElement.get(f.elementId) || []), f]))
    byElement.forEach((list, id) => {
      canvas.addMarker(id, MARKER)
      marked.push(id)
      overlays.add(id, OVERLAY, { position: { top: -12, right: 12 }, html: badge(list, describe) })
    })
  }

  async function check() {
    const mine = ++sequence
    onResult({ pending: true })
    try {
      const { xml } = await modeler.saveXML()
      const findings = await api('/api/models/validate', { method: 'POST', xml })
      if (mine !== sequence) return
      show(findings)
      onResult({ findings, error: null, pending: false })
    } catch (error) {
      if (mine !== sequence) return
      show([])
      onResult({ findings: [], error, pending: false })
    }
  }

  function schedule() {
    clearTimeout(timer)
    onResult({ pending: true })
    timer = setTimeout(check, delay)
  }

  eventBus.on(['commandStack.changed', 'import.done'], schedule)
  return {
    now: () => { clearTimeout(timer); return check() },
    destroy: () => { clearTimeout(timer); sequence++; eventBus.off(['commandStack.changed', 'import.done'], schedule) },
  }
}

function badge(findings, describe) {
  const root = document.createElement('span')
  root.className = 'ac-lint-badge'
  root.dataset.test = 'lint-badge'
  root.textContent = findings.map((f) => f.rule).join(' ')
  const tip = document.createElement('span')
  tip.className = 'ac-lint-tip'
  tip.setAttribute('role', 'tooltip')
  findings.forEach((f) => {
    const { title, fix } = describe(f)
    const item = document.createElement('span')
    item.className = 'ac-lint-tip-item'
    const rule = document.createElement('strong')
    rule.textContent = `${f.rule} ${title}`
    const message = document.createElement('span')
    message.textContent = f.message
    const how = document.createElement('em')
    how.textContent = fix
    item.append(rule, message, how)
    tip.append(item)
  })
  root.append(tip)
  return root
}
