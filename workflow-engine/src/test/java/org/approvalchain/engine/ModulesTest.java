package org.approvalchain.engine;

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

    @Test
    void modulesUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
