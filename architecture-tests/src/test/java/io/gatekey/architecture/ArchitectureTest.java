package io.gatekey.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gatekey's own code keeps every boundary. */
class ArchitectureTest {

    private static final String ROOT = "io.gatekey";
    private static JavaClasses gatekey;

    @BeforeAll
    static void importGatekey() {
        gatekey = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void importsTheDomainAndTheApplication() {
        assertTrue(gatekey.containPackage("io.gatekey.domain.mfa"));
        assertTrue(gatekey.containPackage("io.gatekey.application.service"));
    }

    @Test
    void domainDependsOnlyOnTheJdkAndBouncyCastle() {
        GatekeyRules.domainDependsOnlyOnTheJdkAndBouncyCastle(ROOT).check(gatekey);
    }

    @Test
    void applicationDependsOnlyOnTheDomain() {
        GatekeyRules.applicationDependsOnlyOnTheDomain(ROOT).check(gatekey);
    }

    @Test
    void noFrameworkOrJdbcInTheCore() {
        GatekeyRules.noFrameworkOrJdbcInTheCore(ROOT).check(gatekey);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        GatekeyRules.adaptersDoNotDependOnEachOther(ROOT).check(gatekey);
    }

    @Test
    void doorsDoNotDependOnEachOther() {
        assertTrue(gatekey.containPackage("io.gatekey.adapter.http.huawei"));
        assertTrue(gatekey.containPackage("io.gatekey.adapter.http.console"));
        GatekeyRules.doorsDoNotDependOnEachOther(ROOT).check(gatekey);
    }

    @Test
    void noPackageCycles() {
        GatekeyRules.noPackageCycles(ROOT).check(gatekey);
    }

    @Test
    void inboundPortsAreUseCaseInterfaces() {
        GatekeyRules.inboundPortsAreUseCaseInterfaces(ROOT).check(gatekey);
        GatekeyRules.useCasesAreInboundPortInterfaces(ROOT).check(gatekey);
    }
}
