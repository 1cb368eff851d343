// The designer's bpmn-js Modeler: Camunda 7 moddle and behaviours, the properties panel with the
// Camunda 7 provider, and the element templates the engine derives from its contracts' ABIs.
import Modeler from 'bpmn-js/lib/Modeler'
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel'
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates'
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform'
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json'
import { languageModule } from './language.js'
import 'bpmn-js/dist/assets/diagram-js.css'
import 'bpmn-js/dist/assets/bpmn-js.css'
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css'
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css'
import 'bpmn-js-element-templates/dist/assets/element-templates.css'

/**
 * A modeler drawing into `canvas`, its properties panel in `panel`, with these element templates,
 * speaking the language `currentLocale()` names.
 */
export function createModeler(canvas, panel, templates, currentLocale) {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    elementTemplates: templates,
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule,
      ElementTemplatesPropertiesProviderModule, CamundaBehaviorsModule, languageModule(currentLocale)],
    moddleExtensions: { camunda: camundaModdle },
  })
}

/** A new process with one start event, the same XML bpmn-js's own "new diagram" starts from. */
export function blankModel(processId) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_${processId}" targetNamespace="https://approvalchain.org/bpmn">
  <bpmn:process id="${processId}" isExecutable="true" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="StartEvent_Received" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${processId}">
    <bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="Shape_StartEvent_Received" bpmnElement="StartEvent_Received"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`
}

/** The id of the model's (first) process: what its draft and its deployment are named by. */
export function processId(modeler) {
  const root = modeler.get('canvas').getRootElement()
  return root?.businessObject?.id
}
