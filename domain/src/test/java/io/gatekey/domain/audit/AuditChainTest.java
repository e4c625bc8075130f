package io.gatekey.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-06-01T10:00:10.123Z");

    private static AuditEvent event(String user, String detail) {
        return new AuditEvent(AT, AuditEventType.CREDENTIALS_ISSUED, new AccountId("acct-1"), Optional.ofNullable(user).map(SubAccountId::new),
                "user:acct-1/u-1/GKAK1", "GKTMP1", detail, new AuditOrigin("ncp", Optional.of("req-1"), Optional.of("203.0.113.9"), Optional.empty()));
    }

    /** A trail of {@code n} events of user u-1 and one of the account, ids from 1. */
    private static List<LinkedAuditEvent> trail(int n) {
        List<LinkedAuditEvent> events = new ArrayList<>();
        events.add(new LinkedAuditEvent(100, event(null, "account"), AuditChain.next(Optional.empty(), event(null, "account"), "n1")));
        Optional<AuditChainHead> head = Optional.empty();
        for (int i = 1; i <= n; i++) {
            AuditEvent event = event("u-1", "mfa=virtual #" + i);
            AuditLink link = AuditChain.next(head, event, "n1");
            events.add(new LinkedAuditEvent(i, event, link));
            head = Optional.of(link.asHead());
        }
        return events;
    }

    private static List<AuditChainHead> heads(List<LinkedAuditEvent> events) {
        List<AuditChainHead> heads = new ArrayList<>();
        for (LinkedAuditEvent e : events) {
            heads.removeIf(h -> h.chain().equals(e.link().chain()));
            heads.add(e.link().asHead());
        }
        return heads;
    }

    private static AuditChainCheck.Result check(List<LinkedAuditEvent> events, List<AuditChainHead> heads) {
        AuditChainCheck check = AuditChainCheck.whole(heads);
        events.forEach(check::accept);
        return check.finish();
    }

    @Test
    void theHashCoversThePublishedFieldsInThePublishedOrder() {
        // Computed apart from this code, from the layout AuditChain documents.
        assertEquals("d312e18705c905226fc6a84ecfd70230737f4445f6bd8e08355ad367db0de30d",
                AuditChain.hash("user:u-1", 1, AuditChain.GENESIS, event("u-1", "mfa=virtual")));
    }

    @Test
    void everyFieldChangesTheHashAndAnAbsentTextIsNotAnEmptyOne() {
        AuditEvent base = event("u-1", "d");
        String hash = AuditChain.hash("c", 1, AuditChain.GENESIS, base);
        AuditOrigin origin = base.origin();
        List<AuditEvent> variants = List.of(
                new AuditEvent(AT.plusMillis(1), base.type(), base.accountId(), base.subAccountId(), base.actor(), base.subject(), base.detail(), origin),
                new AuditEvent(AT, AuditEventType.CREDENTIALS_REVOKED, base.accountId(), base.subAccountId(), base.actor(), base.subject(), base.detail(), origin),
                new AuditEvent(AT, base.type(), new AccountId("acct-2"), base.subAccountId(), base.actor(), base.subject(), base.detail(), origin),
                new AuditEvent(AT, base.type(), base.accountId(), Optional.empty(), base.actor(), base.subject(), base.detail(), origin),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), "operator", base.subject(), base.detail(), origin),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), base.actor(), "GKTMP2", base.detail(), origin),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), base.actor(), base.subject(), "e", origin),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), base.actor(), base.subject(), base.detail(),
                        new AuditOrigin("cli", origin.requestId(), origin.sourceAddress(), origin.userAgent())),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), base.actor(), base.subject(), base.detail(),
                        new AuditOrigin("ncp", Optional.of("req-2"), origin.sourceAddress(), origin.userAgent())),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), base.actor(), base.subject(), base.detail(),
                        new AuditOrigin("ncp", origin.requestId(), Optional.of("198.51.100.1"), origin.userAgent())),
                new AuditEvent(AT, base.type(), base.accountId(), base.subAccountId(), base.actor(), base.subject(), base.detail(),
                        new AuditOrigin("ncp", origin.requestId(), origin.sourceAddress(), Optional.of(""))));
        for (AuditEvent variant : variants) {
            assertNotEquals(hash, AuditChain.hash("c", 1, AuditChain.GENESIS, variant), variant.toString());
        }
        assertNotEquals(hash, AuditChain.hash("c", 2, AuditChain.GENESIS, base));
        assertNotEquals(hash, AuditChain.hash("d", 1, AuditChain.GENESIS, base));
        assertNotEquals(hash, AuditChain.hash("c", 1, "1".repeat(64), base));
    }

    @Test
    void aChainIsNamedByItsOwnerAndItsWriter() {
        assertEquals("user:u-1@n1", AuditChain.chainOf(event("u-1", "x"), "n1"));
        assertEquals("account:acct-1@host:8080", AuditChain.chainOf(event(null, "x"), "host:8080"));
        assertEquals("user:u-1", AuditChain.owner("user:u-1@n1"));
        assertThrows(IllegalArgumentException.class, () -> AuditChain.chainOf(event("u-1", "x"), "a@b"));
        assertThrows(IllegalArgumentException.class, () -> AuditChain.chainOf(event("u-1", "x"), ""));
    }

    @Test
    void aWholeTrailChecks() {
        List<LinkedAuditEvent> events = trail(5);
        AuditChainCheck.Result result = check(events, heads(events));
        assertEquals(Optional.empty(), result.broken());
        assertEquals(6, result.events());
        assertEquals(2, result.chains());
        assertEquals(AuditChain.GENESIS, events.get(1).link().previousHash());
        assertEquals(events.get(1).link().hash(), events.get(2).link().previousHash());
    }

    @Test
    void aChangedEventIsNamed() {
        List<LinkedAuditEvent> events = trail(5);
        List<AuditChainHead> heads = heads(events);
        LinkedAuditEvent third = events.get(3);
        AuditEvent changed = event("u-1", "mfa=none");
        events.set(3, new LinkedAuditEvent(third.id(), changed, third.link()));
        AuditChainCheck.Broken broken = check(events, heads).broken().orElseThrow();
        assertEquals(new AuditChainCheck.Broken("user:u-1@n1", 3, 3, "its content does not match its hash: the event was changed"), broken);
    }

    @Test
    void anEventChangedWithItsHashRecomputedBreaksTheNextLink() {
        List<LinkedAuditEvent> events = trail(5);
        List<AuditChainHead> heads = heads(events);
        LinkedAuditEvent third = events.get(3);
        AuditEvent changed = event("u-1", "mfa=none");
        events.set(3, new LinkedAuditEvent(third.id(), changed, new AuditLink(third.link().chain(), 3, third.link().previousHash(),
                AuditChain.hash(third.link().chain(), 3, third.link().previousHash(), changed))));
        AuditChainCheck.Broken broken = check(events, heads).broken().orElseThrow();
        assertEquals(4, broken.seq());
        assertEquals(4, broken.eventId());
        assertTrue(broken.reason().contains("event 3"), broken.reason());
    }

    @Test
    void aRemovedEventIsNamedByTheOneAfterIt() {
        List<LinkedAuditEvent> events = trail(5);
        List<AuditChainHead> heads = heads(events);
        events.remove(2);
        assertEquals(new AuditChainCheck.Broken("user:u-1@n1", 3, 3, "1 event(s) before it are missing (from seq 2)"),
                check(events, heads).broken().orElseThrow());
    }

    @Test
    void removedNewestEventsShowAgainstTheHead() {
        List<LinkedAuditEvent> events = trail(5);
        List<AuditChainHead> heads = heads(events);
        events.remove(5);
        events.remove(4);
        AuditChainCheck.Broken broken = check(events, heads).broken().orElseThrow();
        assertEquals("user:u-1@n1", broken.chain());
        assertEquals(4, broken.seq());
        assertEquals("the newest 2 event(s) are missing (the chain's head is at seq 5)", broken.reason());
        assertEquals("chain user:u-1@n1 at seq 4: the newest 2 event(s) are missing (the chain's head is at seq 5)", broken.describe());
    }

    @Test
    void aWholeChainRemovedOrAHeadRemovedShows() {
        List<LinkedAuditEvent> events = trail(2);
        List<AuditChainHead> heads = heads(events);
        List<LinkedAuditEvent> withoutUser = events.subList(0, 1);
        assertEquals("all 2 event(s) of the chain are missing", check(withoutUser, heads).broken().orElseThrow().reason());
        List<AuditChainHead> withoutHead = heads.stream().filter(h -> !h.chain().startsWith("user:")).toList();
        assertEquals("the chain has no head: its head was removed", check(events, withoutHead).broken().orElseThrow().reason());
    }

    @Test
    void anEventMovedIntoAnotherChainOrOutOfEveryChainShows() {
        List<LinkedAuditEvent> events = trail(2);
        List<AuditChainHead> heads = heads(events);
        LinkedAuditEvent accountEvent = events.get(0);
        events.set(0, new LinkedAuditEvent(accountEvent.id(), event("u-2", "account"), accountEvent.link()));
        assertEquals("the event names another account or user than its chain's", check(events, heads).broken().orElseThrow().reason());

        List<LinkedAuditEvent> unlinked = trail(2);
        unlinked.add(0, new LinkedAuditEvent(7, event("u-1", "x"), new AuditLink("", 0, "", "")));
        assertEquals(new AuditChainCheck.Broken("user:u-1", 0, 7, "the event is in no chain: its link was removed"),
                check(unlinked, heads(trail(2))).broken().orElseThrow());
    }

    @Test
    void anExcerptStartsEachChainWhereItStartsButHoldsLinkByLink() {
        List<LinkedAuditEvent> events = trail(6);
        List<LinkedAuditEvent> window = new ArrayList<>(events.subList(3, 6));
        AuditChainCheck excerpt = AuditChainCheck.excerpt();
        window.forEach(excerpt::accept);
        AuditChainCheck.Result result = excerpt.finish();
        assertEquals(Optional.empty(), result.broken());
        assertEquals(3, result.events());

        window.remove(1);
        AuditChainCheck gap = AuditChainCheck.excerpt();
        window.forEach(gap::accept);
        assertEquals(5, gap.finish().broken().orElseThrow().seq());
    }
}
