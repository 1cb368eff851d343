package org.approvalchain.engine.legal.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Finds code in a BPMN model, which a model must not carry: an expression that is more than data
 * ({@link ExpressionPolicy}, LEGAL-009) anywhere in the document (attributes and text: conditions,
 * timers, input and output mappings, candidates, due dates, message names, called elements), and
 * the elements that run code by design (LEGAL-010): script tasks and scripts, Java classes ({@code
 * camunda:class}), shell and mail tasks ({@code camunda:type}), listeners, and delegate expressions
 * other than the generic contract step.
 */
final class ModelCode {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** The one delegate a model may name: the generic contract step. */
    static final String CONTRACT_STEP = "${contractStep}";
    private static final Set<String> CODE_ELEMENTS = Set.of("scriptTask", "script", "executionListener", "taskListener");

    private ModelCode() {
    }

    static List<Finding> findings(BpmnModelInstance model) {
        List<Finding> findings = new ArrayList<>();
        visit(((Document) model.getDocument().getDomSource().getNode()).getDocumentElement(), null, null, findings);
        return findings;
    }

    private static void visit(Element element, Element process, Element owner, List<Finding> findings) {
        String name = element.getLocalName();
        Element inProcess = "process".equals(name) ? element : process;
        Element ownedBy = element.hasAttribute("id") ? element : owner;
        if (CODE_ELEMENTS.contains(name)) {
            findings.add(finding(inProcess, ownedBy, "LEGAL-010", "a " + name + " runs code; a model may not carry code "
                    + "(use a contract-bound service task with delegateExpression " + CONTRACT_STEP + ")"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute((Attr) attributes.item(i), inProcess, ownedBy, findings);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                visit(childElement, inProcess, ownedBy, findings);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpression("text of " + name, child.getNodeValue(), inProcess, ownedBy, findings);
            }
        }
    }

    private static void checkAttribute(Attr attribute, Element process, Element owner, List<Finding> findings) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        if (CAMUNDA.equals(attribute.getNamespaceURI()) && "class".equals(name)) {
            findings.add(finding(process, owner, "LEGAL-010", "camunda:class '" + attribute.getValue()
                    + "' runs Java code; bind the step to a contract with delegateExpression " + CONTRACT_STEP));
        } else if (CAMUNDA.equals(attribute.getNamespaceURI()) && "type".equals(name) && !"external".equals(attribute.getValue())) {
            findings.add(finding(process, owner, "LEGAL-010", "camunda:type '" + attribute.getValue()
                    + "' runs code in the engine (a shell or mail task); bind the step to a contract with " + CONTRACT_STEP));
        } else if (CAMUNDA.equals(attribute.getNamespaceURI()) && "delegateExpression".equals(name)
                && !CONTRACT_STEP.equals(attribute.getValue().trim())) {
            findings.add(finding(process, owner, "LEGAL-010", "camunda:delegateExpression '" + attribute.getValue()
                    + "' is not the generic contract step " + CONTRACT_STEP));
        } else {
            checkExpression("attribute '" + attribute.getName() + "'", attribute.getValue(), process, owner, findings);
        }
    }

    private static void checkExpression(String where, String text, Element process, Element owner, List<Finding> findings) {
        if (ExpressionPolicy.isExpression(text)) {
            ExpressionPolicy.problemOf(text.strip()).ifPresent(problem -> findings.add(finding(process, owner,
                    "LEGAL-009", where + ": expression '" + text.strip() + "': " + problem)));
        }
    }

    private static Finding finding(Element process, Element owner, String rule, String message) {
        return new Finding(attribute(process, "id"), attribute(process, "name"), attribute(owner, "id"),
                attribute(owner, "name"), rule, message);
    }

    private static String attribute(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? "-" : element.getAttribute(name);
    }
}
