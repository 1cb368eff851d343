package org.approvalchain.engine;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.modulith.NamedInterface;

/**
 * The package rules of HOUSE-STYLE.md, beside Spring Modulith's (ModulesTest): technology stays in
 * its adapter, adapters stay apart, only the web edge speaks HTTP, and no capability reads another's
 * tables.
 */
@AnalyzeClasses(packages = "org.approvalchain.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesHaveNoCycles = slices().matching("org.approvalchain.engine.(*)..")
            .should().beFreeOfCycles();

    /** Camunda is the process module's engine; every other capability reaches it through a camunda adapter. */
    @ArchTest
    static final ArchRule camundaOnlyInProcessAndCamundaAdapters = noClasses()
            .that().resideOutsideOfPackages("..engine.process..", "..engine.*.camunda..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** One capability's Camunda adapter uses another's only through what it publishes as a named interface. */
    @ArchTest
    static final ArchRule camundaAdaptersDoNotUseEachOther = slices().matching("org.approvalchain.engine.(*).camunda..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), annotatedWith(NamedInterface.class));

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

    /** The ledger is the bottom: it knows nothing of what the engine does with the chain. */
    @ArchTest
    static final ArchRule theLedgerKnowsOnlyCrypto = noClasses().that().resideInAPackage("..engine.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("..engine.chain..", "..engine.process..",
                    "..engine.record..", "..engine.legal..", "..engine.signing..", "..engine.audit..", "..engine.api..");

    /** The legal rules and the map work on a neutral model: no engine, no framework, no chain. */
    @ArchTest
    static final ArchRule legalRulesKnowNoEngine = noClasses().that().resideInAPackage("org.approvalchain.engine.legal")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "..engine.process..", "..engine.api..",
                    "..engine.ledger..", "..engine.chain..", "org.springframework..");

    @ArchTest
    static final ArchRule onlyTheWebEdgeUsesSpringWeb = noClasses().that().resideOutsideOfPackage("..engine.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..");

    /** Audit reads the case record's API, the chain and the history port; never Camunda (but in its adapter), the process or a table. */
    @ArchTest
    static final ArchRule auditReadsTheRecordsApiOnly = noClasses().that().resideInAPackage("org.approvalchain.engine.audit")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "..engine.process..", "..engine.api..",
                    "org.springframework.jdbc..");

    /**
     * The case record's tables are the record's: the process writes them through its API. Its one
     * reader of tables, {@code CaseReads}, reads Camunda's own (named by Camunda's management service).
     */
    @ArchTest
    static final ArchRule processUsesNoSql = noClasses().that().resideInAPackage("..engine.process..")
            .and().doNotHaveSimpleName("CaseReads")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");
}
