package org.approvalchain.engine.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Signing is self-contained: the JDK, Bouncy Castle and Jackson, nothing of Camunda, web, ledger or FISCO. */
@AnalyzeClasses(packages = "org.approvalchain.engine.signing", importOptions = ImportOption.DoNotIncludeTests.class)
class SigningDependenciesTest {

    @ArchTest
    static final ArchRule signingUsesOnlyTheJdkBouncyCastleAndJackson = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.bouncycastle..",
                    "com.fasterxml.jackson..", "org.approvalchain.engine.signing..");
}
