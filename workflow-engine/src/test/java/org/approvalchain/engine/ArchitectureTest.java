package org.approvalchain.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of HOUSE-STYLE.md: adapters stay apart, technology stays in its adapter. */
@AnalyzeClasses(packages = "org.approvalchain.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule embeddedDoesNotUseFisco = noClasses().that().resideInAPackage("..ledger.embedded..")
            .should().dependOnClassesThat().resideInAPackage("..ledger.fisco..");

    @ArchTest
    static final ArchRule fiscoDoesNotUseEmbedded = noClasses().that().resideInAPackage("..ledger.fisco..")
            .should().dependOnClassesThat().resideInAPackage("..ledger.embedded..");

    @ArchTest
    static final ArchRule onlyTheEmbeddedAdapterUsesLibevm = noClasses().that().resideOutsideOfPackage("..ledger.embedded..")
            .should().dependOnClassesThat().resideInAPackage("io.horizen.evm..");

    @ArchTest
    static final ArchRule onlyTheFiscoAdapterTalksToNodes = noClasses().that().resideOutsideOfPackage("..ledger.fisco..")
            .should().dependOnClassesThat().resideInAnyPackage("org.fisco.bcos.sdk.v3.client..", "org.fisco.bcos.sdk.v3.config..");

    @ArchTest
    static final ArchRule thePortKnowsNoAdapter = noClasses().that().resideInAPackage("org.approvalchain.engine.ledger")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.embedded..", "..ledger.fisco..");

    /** The legal gate works on a neutral model description; process reads BPMN with Camunda and builds it. */
    @ArchTest
    static final ArchRule legalKnowsNoEngine = noClasses().that().resideInAPackage("..engine.legal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "..engine.process..", "..engine.api..",
                    "..engine.ledger..", "org.springframework..");

    @ArchTest
    static final ArchRule onlyProcessUsesCamunda = noClasses().that().resideOutsideOfPackage("..engine.process..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    @ArchTest
    static final ArchRule auditReadsOnlyTheEnginesOwnRecords = noClasses().that().resideInAPackage("..engine.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "..engine.process..", "..engine.api..");
}
