package io.gatekey.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each rule fails on a small tree of classes that crosses its boundary, and passes on one that does not. */
class RulesCatchViolationsTest {

    private static final String FIXTURES = "io.gatekey.archfixture";

    private static void assertViolated(Function<String, ArchRule> rule, String fixture, String expectedInMessage) {
        String root = FIXTURES + "." + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(root).check(classes));
        assertTrue(failure.getMessage().contains(expectedInMessage), failure.getMessage());
    }

    private static void assertKept(Function<String, ArchRule> rule) {
        String root = FIXTURES + ".clean";
        rule.apply(root).check(new ClassFileImporter().importPackages(root));
    }

    @Test
    void domainReachingIntoTheApplicationIsCaught() {
        assertViolated(GatekeyRules::domainDependsOnlyOnTheJdkAndBouncyCastle, "domainup", "OrderService");
        assertKept(GatekeyRules::domainDependsOnlyOnTheJdkAndBouncyCastle);
    }

    @Test
    void applicationUsingALibraryIsCaught() {
        assertViolated(GatekeyRules::applicationDependsOnlyOnTheDomain, "applib", "org.bouncycastle");
        assertKept(GatekeyRules::applicationDependsOnlyOnTheDomain);
    }

    @Test
    void frameworkAnnotationsInTheApplicationAreCaught() {
        assertViolated(GatekeyRules::noFrameworkOrJdbcInTheCore, "framework", "jakarta.inject.Singleton");
        assertKept(GatekeyRules::noFrameworkOrJdbcInTheCore);
    }

    @Test
    void jdbcInTheDomainIsCaught() {
        assertViolated(GatekeyRules::noFrameworkOrJdbcInTheCore, "jdbc", "java.sql.Connection");
    }

    @Test
    void oneAdapterCallingAnotherIsCaught() {
        assertViolated(GatekeyRules::adaptersDoNotDependOnEachOther, "adapters", "JdbcOrders");
        assertKept(GatekeyRules::adaptersDoNotDependOnEachOther);
    }

    @Test
    void oneDoorUsingAnothersSignatureIsCaught() {
        assertViolated(GatekeyRules::doorsDoNotDependOnEachOther, "doors", "NcpSignature");
        assertKept(GatekeyRules::doorsDoNotDependOnEachOther);
    }

    @Test
    void aPackageCycleIsCaught() {
        assertViolated(GatekeyRules::noPackageCycles, "cycle", "Cycle detected");
        assertKept(GatekeyRules::noPackageCycles);
    }

    @Test
    void anInboundPortNotNamedUseCaseIsCaught() {
        assertViolated(GatekeyRules::inboundPortsAreUseCaseInterfaces, "portname", "PlaceOrderPort");
        assertKept(GatekeyRules::inboundPortsAreUseCaseInterfaces);
    }

    @Test
    void aUseCaseThatIsAClassIsCaught() {
        assertViolated(GatekeyRules::useCasesAreInboundPortInterfaces, "portclass", "PlaceOrderUseCase");
        assertKept(GatekeyRules::useCasesAreInboundPortInterfaces);
    }
}
