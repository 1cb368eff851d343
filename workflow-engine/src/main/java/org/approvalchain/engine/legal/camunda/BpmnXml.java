package org.approvalchain.engine.legal.camunda;

import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.xml.sax.SAXParseException;

/** BPMN XML read into Camunda's model, or refused in the parser's own words (where, and what), not its classes'. */
final class BpmnXml {

    private static final Pattern PARSER_PREFIX = Pattern.compile("^(?:Fatal )?Error: URI=\\S* Line=(\\d+): ");

    private BpmnXml() {
    }

    /**
     * The model the XML holds.
     *
     * @throws IllegalArgumentException "not a BPMN model: …" when it is not well-formed BPMN 2.0 XML
     */
    static BpmnModelInstance parse(byte[] xml) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (ModelException e) {
            throw new IllegalArgumentException("not a BPMN model: " + parserMessage(e), e);
        }
    }

    private static String parserMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Camunda's parser handler words it "Fatal Error: URI=null Line=1: …"
        String message = PARSER_PREFIX.matcher(String.valueOf(root.getMessage())).replaceFirst("line $1: ");
        if (message.contains("DOCTYPE is disallowed")) {
            message = "a DOCTYPE declaration is not allowed";
        }
        return root instanceof SAXParseException at && at.getLineNumber() > 0
                ? "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + message : message;
    }
}
