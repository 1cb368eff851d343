// A read-only bpmn-js viewer (navigation only) that reads the Camunda extension elements, so that
// two versions' models can be compared down to their legal annotations.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer'
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json'
import 'bpmn-js/dist/assets/diagram-js.css'
import 'bpmn-js/dist/assets/bpmn-js.css'

/** A viewer drawing into `container`; call `importXML` on it. */
export function createViewer(container) {
  return new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } })
}

/** The URL of a version's automation map in a format (json, html, csv). */
export function mapUrl(key, version, format = 'json') {
  return `/api/processes/${encodeURIComponent(key)}/versions/${version}/automation-map?format=${format}`
}

/** The URL of a version's BPMN XML. */
export function bpmnUrl(key, version) {
  return `/api/processes/${encodeURIComponent(key)}/versions/${version}/bpmn`
}
