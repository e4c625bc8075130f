package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.application.testing.World;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.signature.RequestNonce;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claimed step, the credential and its audit record commit together or not at all: a failure after the
 * credential's insert (here, when its audit record is written) leaves no credential, no record and no claimed step.
 */
class IssuanceIsOneTransactionTest {

    /** An audit log that fails on the issuance record, as a lost connection would at that moment. */
    private record FailingOnIssuance(AuditLog delegate) implements AuditLog {
        @Override
        public void record(AuditEvent event) {
            if (event.type() == AuditEventType.CREDENTIALS_ISSUED) {
                throw new IllegalStateException("injected failure after the credential's insert");
            }
            delegate.record(event);
        }

        @Override
        public List<AuditEvent> recent(Query query) {
            return delegate.recent(query);
        }

        @Override
        public void forEachInChainOrder(java.util.function.Predicate<io.gatekey.domain.audit.LinkedAuditEvent> sink) {
            delegate.forEachInChainOrder(sink);
        }

        @Override
        public List<io.gatekey.domain.audit.AuditChainHead> heads() {
            return delegate.heads();
        }

        @Override
        public void forEachBetween(java.time.Instant since, java.time.Instant until,
                                   java.util.function.Predicate<io.gatekey.domain.audit.LinkedAuditEvent> sink) {
            delegate.forEachBetween(since, until, sink);
        }
    }

    /** A node of the world's store whose audit log fails at the issuance record. */
    private static GatekeyServices failingNode(World world) {
        GatekeyPorts real = world.ports;
        return new GatekeyServices(new GatekeyPorts(real.accounts(), real.subAccounts(), real.accessKeys(), real.mfaDevices(), real.usedTimeSteps(),
                real.mfaFailures(), real.temporaryCredentials(), new FailingOnIssuance(real.auditLog()), real.requestNonces(), real.consoleSessions(), real.random(),
                real.transactions(), real.clock()), GatekeySettings.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aFailureAfterTheInsertLeavesNothingBehind(String kind) {
        TestDatabases.Database database = kind.equals("h2") ? TestDatabases.newH2Database() : TestDatabases.newMariaDbDatabase();
        try (TestStore store = TestStore.open(database, Map.of())) {
            World world = new World(store::ports);
            World.Device device = world.acme.enrolledDevice("phone");
            GatekeyServices node = failingNode(world);
            String code = device.code(1);
            assertThrows(IllegalStateException.class, () -> node.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(
                    world.acme.userPrincipal, java.util.Optional.empty(), io.gatekey.domain.credential.DurationPolicy.NCP, null,
                    java.util.Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(java.util.Optional.of(device.serial),
                            io.gatekey.domain.mfa.MfaDeviceType.VIRTUAL, code)))));

            assertEquals(0, store.count("SELECT COUNT(*) FROM temporary_credential"), "no credential");
            assertEquals(0, world.audit(AuditEventType.CREDENTIALS_ISSUED).size(), "no audit record");
            // The step was not claimed: the same code is still good, once.
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, world.acme.issueWithCode(device, code));
            assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class, world.acme.issueWithCode(device, code));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aRequestsNonceCommitsWithItsCredentialAndOutlivesAFailure(String kind) {
        TestDatabases.Database database = kind.equals("h2") ? TestDatabases.newH2Database() : TestDatabases.newMariaDbDatabase();
        try (TestStore store = TestStore.open(database, Map.of())) {
            World world = new World(store::ports);
            java.time.Instant until = world.clock.instant().plusSeconds(300);
            RequestNonce first = new RequestNonce(world.acme.userKey.id(), "ncp:first", until);
            IssueTemporaryCredentialsUseCase.Command issue = IssueTemporaryCredentialsUseCase.Command.of(world.acme.userPrincipal,
                    java.util.Optional.empty(), io.gatekey.domain.credential.DurationPolicy.NCP, null, java.util.Optional.empty()).withoutTokenBinding();

            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class,
                    world.useCases.issueTemporaryCredentials().issue(issue.withNonce(java.util.Optional.of(first))));
            assertInstanceOf(IssueTemporaryCredentialsUseCase.RequestReplayed.class,
                    world.useCases.issueTemporaryCredentials().issue(issue.withNonce(java.util.Optional.of(first))), "carried out once");
            assertEquals(1, store.count("SELECT COUNT(*) FROM temporary_credential"));

            // An issuance that fails after its insert leaves no credential, and its signature used up all the same.
            RequestNonce second = new RequestNonce(world.acme.userKey.id(), "ncp:second", until);
            GatekeyServices node = failingNode(world);
            assertThrows(IllegalStateException.class, () -> node.issueTemporaryCredentials().issue(issue.withNonce(java.util.Optional.of(second))));
            assertEquals(1, store.count("SELECT COUNT(*) FROM temporary_credential"), "nothing of the failed one");
            assertInstanceOf(IssueTemporaryCredentialsUseCase.RequestReplayed.class,
                    world.useCases.issueTemporaryCredentials().issue(issue.withNonce(java.util.Optional.of(second))), "the failed request is not carried out later");
            assertEquals(2, store.count("SELECT COUNT(*) FROM request_nonce WHERE access_key_id = '" + world.acme.userKey.id() + "'"));
        }
    }

    /**
     * A signed issuance on MariaDB: six round trips in one transaction, and nothing read inside it. START
     * TRANSACTION, the nonce, the credential, its audit event, the chain's head moved, COMMIT. The one read before
     * it is the caller's sub account, which a node that authenticated the request's signature has cached (here the
     * use case is called without one; the load script counts 0.01 reads per issuance through the NCP door).
     */
    @org.junit.jupiter.api.Test
    void onMariaDbASignedIssuanceIsSixRoundTripsInOneTransaction() {
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(),
                Map.of("datasources.default.maximum-pool-size", 1, "datasources.default.minimum-idle", 1))) {
            World world = new World(store::ports);
            java.time.Instant until = world.clock.instant().plusSeconds(300);
            IssueTemporaryCredentialsUseCase.Command issue = IssueTemporaryCredentialsUseCase.Command.of(world.acme.userPrincipal,
                    java.util.Optional.empty(), io.gatekey.domain.credential.DurationPolicy.NCP, null, java.util.Optional.empty()).withoutTokenBinding();
            for (String signature : new String[] {"ncp:warm-1", "ncp:warm-2"}) {
                world.useCases.issueTemporaryCredentials().issue(issue.withNonce(java.util.Optional.of(new RequestNonce(world.acme.userKey.id(), signature, until))));
            }

            Map<String, Long> before = store.sessionCounters();
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, world.useCases.issueTemporaryCredentials()
                    .issue(issue.withNonce(java.util.Optional.of(new RequestNonce(world.acme.userKey.id(), "ncp:counted", until)))));
            Map<String, Long> counted = TestStore.between(before, store.sessionCounters());

            assertEquals(Map.of("com_begin", 1L, "com_commit", 1L, "com_rollback", 0L, "com_set_option", 0L, "com_select", 1L,
                    "com_insert", 3L, "com_update", 1L, "com_delete", 0L), counted);
        }
    }
}
