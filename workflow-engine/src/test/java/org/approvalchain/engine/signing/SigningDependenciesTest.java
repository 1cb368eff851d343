package org.approvalchain.engine.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Signing is self-contained: the JDK, Bouncy Castle, Jackson and the shared SM2/SM3 definitions,
 * plus Spring JDBC for the key registry; nothing of Camunda, web, ledger or FISCO.
 */
@AnalyzeClasses(packages = "org.approvalchain.engine.signing", importOptions = ImportOption.DoNotIncludeTests.class)
class SigningDependenciesTest {

    @ArchTest
    static final ArchRule signingUsesOnlyTheJdkBouncyCastleAndJackson = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.bouncycastle..",
                    "com.fasterxml.jackson..", "org.approvalchain.engine.signing..", "org.approvalchain.engine.crypto..",
                    "org.springframework.jdbc..", "org.springframework.stereotype..", "org.springframework.transaction..",
                    "org.springframework.modulith..");
}
