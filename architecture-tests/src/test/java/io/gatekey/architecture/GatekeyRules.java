package io.gatekey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of the hexagon, as rules over any root package: Gatekey's own ({@code io.gatekey}) and the
 * small fixture trees that prove each rule fails when its boundary is crossed.
 */
final class GatekeyRules {

    private GatekeyRules() {
    }

    static ArchRule domainDependsOnlyOnTheJdkAndBouncyCastle(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..", root + ".domain..")
                .because("the domain is pure Java; BouncyCastle is its one library, for Base32 and AES-GCM");
    }

    static ArchRule applicationDependsOnlyOnTheDomain(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .because("use cases build on the domain alone; adapters plug into their ports");
    }

    static ArchRule noFrameworkOrJdbcInTheCore(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax.inject..", "java.sql..", "javax.sql..")
                .because("frameworks and JDBC belong to adapters and the app wiring");
    }

    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.(*)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .because("each adapter talks only to the application's ports");
    }

    static ArchRule doorsDoNotDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.http.(*)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .because("each provider dialect owns its signature, fields and errors; what they share lives in the http package itself");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule inboundPortsAreUseCaseInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".application.port.in..").and().areInterfaces().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("UseCase")
                .because("an inbound port is one use case");
    }

    static ArchRule useCasesAreInboundPortInterfaces(String root) {
        return classes().that().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces().andShould().resideInAPackage(root + ".application.port.in..")
                .allowEmptyShould(true)
                .because("a use case is reached through its inbound port, never a concrete class");
    }
}
