package org.approvalchain.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The engine's modules, one per capability, as Spring Modulith sees them: no cycles, and no module
 * reaching into another's internals (only root packages and named interfaces are an API). Writes
 * the module documentation to docs/modules.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ApprovalChainApplication.class);
    private static final Path DOCS = Path.of("..", "docs", "modules");

    @Test
    void modulesUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(DOCS).filter(p -> p.toString().endsWith(".puml"))) {
            for (Path diagram : diagrams.toList()) {
                sortRelations(diagram);
            }
        }
    }

    /** The Documenter lists a diagram's relations in no fixed order: sorted, the committed docs change only with the code. */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        Files.write(diagram, lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList());
    }
}
