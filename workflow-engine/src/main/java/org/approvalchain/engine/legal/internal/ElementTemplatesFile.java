package org.approvalchain.engine.legal.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.legal.ContractCatalogue;
import org.approvalchain.engine.legal.ElementTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The element templates of the engine's contracts: a bean for the web modeler
 * ({@code GET /api/models/element-templates}), and, run by the build ({@code process-classes}), the
 * same list written to a file for the Camunda Modeler desktop app
 * ({@code workflow-engine/target/element-templates/approvalchain.json}). Function names and
 * parameters are those of the ABI, alike for ECDSA and SM chains.
 */
@Configuration(proxyBeanMethods = false)
public class ElementTemplatesFile {

    @Bean
    ElementTemplates elementTemplates(LedgerProperties ledger) {
        return new ElementTemplates(new ContractCatalogue(Contracts.interfaces(ledger.crypto())));
    }

    /** Writes the templates to the file named by the one argument. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                new ElementTemplates(new ContractCatalogue(Contracts.interfaces(ChainCrypto.ECDSA))).all());
    }
}
