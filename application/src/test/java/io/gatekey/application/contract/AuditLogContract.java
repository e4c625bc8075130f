package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditChain;
import io.gatekey.domain.audit.AuditChainCheck;
import io.gatekey.domain.audit.AuditChainHead;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.audit.AuditOrigin;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AuditLog} guarantees. */
public abstract class AuditLogContract extends PortContract {

    private static AuditLog.Query query(Optional<AccountId> account, Optional<SubAccountId> user,
                                       Optional<String> subject, Optional<AuditEventType> type, Optional<Instant> since) {
        return new AuditLog.Query(account, user, subject, type, since, 10);
    }

    @Test
    void returnsEventsNewestFirstFiltered() {
        Account acme = newAccount();
        Account globex = newAccount();
        SubAccount alice = newSubAccount(acme, "alice");
        AuditEvent first = new AuditEvent(NOW, AuditEventType.MFA_CHECK_FAILED, acme.id(), Optional.of(alice.id()), "user:a", "iam::x:mfa:phone", "INVALID",
                new AuditOrigin("huawei", Optional.of("0a1b2c"), Optional.of("203.0.113.9"), Optional.of("huaweicloud-sdk-go/3")));
        AuditEvent second = new AuditEvent(NOW.plusSeconds(1), AuditEventType.LOGIN_ALIAS_SET, acme.id(), Optional.empty(), "admin:a", "acme", "acme1", AuditOrigin.of("cli"));
        AuditEvent third = new AuditEvent(NOW.plusSeconds(2), AuditEventType.MFA_CHECK_FAILED, globex.id(), Optional.empty(), "user:b", "iam::y:mfa:tab", "REPLAYED", AuditOrigin.of("embedded"));
        ports.auditLog().record(first);
        ports.auditLog().record(second);
        ports.auditLog().record(third);

        assertEquals(List.of(third, second, first), ports.auditLog().recent(AuditLog.Query.latest(10)));
        assertEquals(List.of(third, second), ports.auditLog().recent(AuditLog.Query.latest(2)));
        assertEquals(List.of(second, first), ports.auditLog().recent(query(Optional.of(acme.id()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of(first), ports.auditLog().recent(query(Optional.empty(), Optional.of(alice.id()), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of(third, first), ports.auditLog().recent(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AuditEventType.MFA_CHECK_FAILED), Optional.empty())));
        assertEquals(List.of(first), ports.auditLog().recent(query(Optional.empty(), Optional.empty(), Optional.of("x:mfa"), Optional.empty(), Optional.empty())));
        assertEquals(List.of(third, second), ports.auditLog().recent(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(1)))));
    }

    private AuditEvent event(Instant at, Account account, Optional<SubAccountId> user, String detail) {
        return new AuditEvent(at, AuditEventType.CREDENTIALS_ISSUED, account.id(), user, "operator", "GKAK" + detail, detail, AuditOrigin.of("cli"));
    }

    private List<LinkedAuditEvent> inChainOrder() {
        List<LinkedAuditEvent> all = new ArrayList<>();
        ports.auditLog().forEachInChainOrder(all::add);
        return all;
    }

    @Test
    void linksEveryEventIntoItsChainAndMovesTheChainsHead() {
        Account acme = newAccount();
        SubAccount alice = newSubAccount(acme, "alice");
        AuditEvent one = event(NOW, acme, Optional.of(alice.id()), "one");
        AuditEvent two = event(NOW.plusMillis(1), acme, Optional.empty(), "two");
        AuditEvent three = event(NOW.plusMillis(2), acme, Optional.of(alice.id()), "three");
        ports.auditLog().record(one);
        ports.auditLog().record(two);
        ports.auditLog().record(three);

        List<LinkedAuditEvent> ours = inChainOrder().stream().filter(e -> e.event().accountId().equals(acme.id())).toList();
        assertEquals(List.of(two, one, three), ours.stream().map(LinkedAuditEvent::event).toList(), "account:... sorts before user:...");
        LinkedAuditEvent first = ours.get(1);
        LinkedAuditEvent second = ours.get(2);
        assertEquals("user:" + alice.id().value(), AuditChain.owner(first.link().chain()));
        assertTrue(first.link().chain().startsWith("user:" + alice.id().value() + "@"), first.link().chain());
        assertEquals(1, first.link().seq());
        assertEquals(AuditChain.GENESIS, first.link().previousHash());
        assertEquals(AuditChain.hash(first.link().chain(), 1, AuditChain.GENESIS, one), first.link().hash());
        assertEquals(first.link().chain(), second.link().chain(), "one writer appends a user's events to one chain");
        assertEquals(2, second.link().seq());
        assertEquals(first.link().hash(), second.link().previousHash());
        assertEquals(1, ours.get(0).link().seq());
        assertEquals("account:" + acme.id().value(), AuditChain.owner(ours.get(0).link().chain()));
        assertTrue(ports.auditLog().heads().contains(new AuditChainHead(second.link().chain(), 2, second.link().hash())));

        AuditChainCheck check = AuditChainCheck.whole(ports.auditLog().heads());
        ports.auditLog().forEachInChainOrder(check::accept);
        AuditChainCheck.Result result = check.finish();
        assertEquals(Optional.empty(), result.broken());
        assertTrue(result.events() >= 3 && result.chains() >= 2, result.toString());
    }

    @Test
    void aWindowIsOldestFirstFromSinceUpToUntil() {
        Account acme = newAccount();
        Instant base = NOW.plusSeconds(3600);
        for (int i = 0; i < 5; i++) {
            ports.auditLog().record(event(base.plusSeconds(i), acme, Optional.empty(), "w" + i));
        }
        List<String> window = new ArrayList<>();
        ports.auditLog().forEachBetween(base.plusSeconds(1), base.plusSeconds(4), e -> window.add(e.event().detail()));
        assertEquals(List.of("w1", "w2", "w3"), window);
        List<String> firstTwo = new ArrayList<>();
        ports.auditLog().forEachBetween(base, base.plusSeconds(5), e -> firstTwo.add(e.event().detail()) && firstTwo.size() < 2);
        assertEquals(List.of("w0", "w1"), firstTwo);
    }

    @Test
    void concurrentAppendsToOneChainEachTakeTheirOwnPlace() throws Exception {
        Account acme = newAccount();
        SubAccount alice = newSubAccount(acme, "alice");
        int writers = 6;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        AuditEvent event = event(NOW.plusMillis(i), acme, Optional.of(alice.id()), writer + "-" + i);
                        ports.transactions().inTransaction(() -> {
                            ports.auditLog().record(event);
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String owner = "user:" + alice.id().value();
        List<LinkedAuditEvent> links = inChainOrder().stream().filter(e -> AuditChain.owner(e.link().chain()).equals(owner)).toList();
        assertEquals(writers * each, links.size());
        // However the writers' appends spread over chains, each chain's places run 1, 2, 3... without a gap or a repeat.
        java.util.Map<String, List<Long>> places = new java.util.TreeMap<>();
        links.forEach(e -> places.computeIfAbsent(e.link().chain(), c -> new ArrayList<>()).add(e.link().seq()));
        for (List<Long> seqs : places.values()) {
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals(i + 1, seqs.get(i));
            }
        }
        AuditChainCheck check = AuditChainCheck.whole(ports.auditLog().heads());
        ports.auditLog().forEachInChainOrder(check::accept);
        assertEquals(Optional.empty(), check.finish().broken());
    }

    @Test
    void longTrailsAreReadWholeAcrossPages() {
        Account acme = newAccount();
        SubAccount alice = newSubAccount(acme, "alice");
        Instant base = NOW.plusSeconds(86_400);
        int count = 1_100;
        ports.transactions().inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                ports.auditLog().record(event(base.plusMillis(i), acme, Optional.of(alice.id()), "p" + i));
            }
            return null;
        });
        List<String> window = new ArrayList<>();
        ports.auditLog().forEachBetween(base, base.plusSeconds(60), e -> window.add(e.event().detail()));
        assertEquals(count, window.size());
        assertEquals("p0", window.get(0));
        assertEquals("p" + (count - 1), window.get(count - 1));
        String owner = "user:" + alice.id().value();
        long inChain = inChainOrder().stream().filter(e -> AuditChain.owner(e.link().chain()).equals(owner)).count();
        assertEquals(count, inChain);
        AuditChainCheck check = AuditChainCheck.whole(ports.auditLog().heads());
        ports.auditLog().forEachInChainOrder(check::accept);
        assertEquals(Optional.empty(), check.finish().broken());
    }
}
