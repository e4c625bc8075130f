package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.application.testing.World;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two server nodes, each with its own connection pool, on one MariaDB database: a code still wins once. */
class TwoNodesOnOneMariaDbTest {

    @Test
    void ofConcurrentIssuancesWithOneCodeOnTwoNodesExactlyOneSucceeds() throws Exception {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        try (TestStore nodeA = TestStore.open(database, Map.of()); TestStore nodeB = TestStore.open(database, Map.of())) {
            World world = new World(nodeA::ports);
            World.Device device = world.acme.enrolledDevice("phone");
            String code = device.code(1);
            List<GatekeyServices> nodes = List.of(world.useCases, new GatekeyServices(nodeB.ports(world.clock), GatekeySettings.DEFAULT));

            int attemptsPerNode = 8;
            ExecutorService pool = Executors.newFixedThreadPool(2 * attemptsPerNode);
            List<Future<IssueTemporaryCredentialsUseCase.Result>> results = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                for (GatekeyServices node : nodes) {
                    for (int i = 0; i < attemptsPerNode; i++) {
                        results.add(pool.submit(() -> {
                            start.await();
                            return node.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(
                                    world.acme.userPrincipal, Optional.empty(), DurationPolicy.NCP, null,
                                    Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.of(device.serial), MfaDeviceType.VIRTUAL, code))));
                        }));
                    }
                }
                start.countDown();
                int issued = 0;
                for (Future<IssueTemporaryCredentialsUseCase.Result> result : results) {
                    IssueTemporaryCredentialsUseCase.Result outcome = result.get(60, TimeUnit.SECONDS);
                    if (outcome instanceof IssueTemporaryCredentialsUseCase.Issued) {
                        issued++;
                    } else {
                        MfaCheck.Reason reason = ((IssueTemporaryCredentialsUseCase.MfaRejected) outcome).reason();
                        // Losers are replays; after ten of them the device locks and later ones meet the lock.
                        assertTrue(reason == MfaCheck.Reason.REPLAYED || reason == MfaCheck.Reason.LOCKED, reason.name());
                    }
                }
                assertEquals(1, issued);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
