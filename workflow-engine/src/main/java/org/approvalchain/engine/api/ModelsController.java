package org.approvalchain.engine.api;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.legal.Finding;
import org.approvalchain.engine.legal.ModelValidator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a BPMN model against the legal gate without deploying it: every finding (empty when the
 * model may be deployed), or 400 when the XML cannot be parsed.
 */
@Tag(name = "Processes")
@RestController
@RequestMapping("/api/models")
class ModelsController {

    private final ModelValidator validator;

    ModelsController(ModelValidator validator) {
        this.validator = validator;
    }

    @Operation(summary = "Validate a BPMN model",
            description = "Checks a BPMN model against the legal gate without deploying it: every finding (element, "
                    + "rule code LEGAL-0xx, message), empty when the model may be deployed. The model as a "
                    + "multipart file or as the request body.")
    @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<Finding> validateFile(@RequestParam("file") MultipartFile file) throws IOException {
        return validator.validate(file.getBytes());
    }

    @Operation(summary = "Validate a BPMN model",
            description = "Checks a BPMN model against the legal gate without deploying it: every finding (element, "
                    + "rule code LEGAL-0xx, message), empty when the model may be deployed. The model as a "
                    + "multipart file or as the request body.")
    @PostMapping(path = "/validate", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE, "application/bpmn+xml"})
    List<Finding> validateXml(@RequestBody byte[] xml) {
        return validator.validate(xml);
    }
}
