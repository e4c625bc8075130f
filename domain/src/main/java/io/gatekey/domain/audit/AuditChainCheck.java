package io.gatekey.domain.audit;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks stored events, fed in chain order (chain by chain, each by seq), and finds the first link that does not
 * hold: an event changed (its hash no longer matches), removed (a gap, or a head ahead of the newest event), or
 * put out of its chain. A whole trail also checks every chain against its head; an excerpt (an export of a time
 * window) takes each chain's first event in it as given and checks the links from there.
 */
public final class AuditChainCheck {

    /** The first link that does not hold: at {@code seq} of {@code chain}, event {@code eventId} (0: no event is left). */
    public record Broken(String chain, long seq, long eventId, String reason) {
        public String describe() {
            return "chain " + chain + " at seq " + seq + (eventId > 0 ? " (event " + eventId + ")" : "") + ": " + reason;
        }
    }

    /** How many events and chains were checked, and the first break if there is one. */
    public record Result(long events, int chains, Optional<Broken> broken) {
        public boolean whole() {
            return broken.isEmpty();
        }
    }

    private final Map<String, AuditChainHead> heads;
    private final boolean whole;
    private final Set<String> seen = new HashSet<>();
    private Broken broken;
    private long events;
    private String chain;
    private long expectedSeq;
    private String expectedPrevious;
    private long lastId;

    private AuditChainCheck(Map<String, AuditChainHead> heads, boolean whole) {
        this.heads = heads;
        this.whole = whole;
    }

    /** A check of the whole trail: every chain starts at seq 1 and ends at its head. */
    public static AuditChainCheck whole(Collection<AuditChainHead> heads) {
        Map<String, AuditChainHead> byChain = new LinkedHashMap<>();
        heads.forEach(head -> byChain.put(head.chain(), head));
        return new AuditChainCheck(byChain, true);
    }

    /** A check of an excerpt: chains may start and end anywhere, but hold link by link in between. */
    public static AuditChainCheck excerpt() {
        return new AuditChainCheck(Map.of(), false);
    }

    /** Checks the next event; false once a link is broken (the rest need not be fed). */
    public boolean accept(LinkedAuditEvent stored) {
        if (broken != null) {
            return false;
        }
        AuditLink link = stored.link();
        if (link.chain().isEmpty() || link.hash().isEmpty()) {
            return fail(new Broken(stored.event().chain(), link.seq(), stored.id(), "the event is in no chain: its link was removed"));
        }
        if (!link.chain().equals(chain)) {
            closeChain();
            if (broken != null) {
                return false;
            }
            if (!seen.add(link.chain())) {
                return fail(new Broken(link.chain(), link.seq(), stored.id(), "the events were not given in chain order"));
            }
            chain = link.chain();
            expectedSeq = whole ? 1 : link.seq();
            expectedPrevious = whole ? AuditChain.GENESIS : link.previousHash();
            lastId = 0;
        }
        events++;
        if (!AuditChain.owner(link.chain()).equals(stored.event().chain())) {
            return fail(new Broken(chain, link.seq(), stored.id(), "the event names another account or user than its chain's"));
        }
        if (link.seq() > expectedSeq) {
            long missing = link.seq() - expectedSeq;
            return fail(new Broken(chain, link.seq(), stored.id(), missing + " event(s) before it are missing (from seq " + expectedSeq + ")"));
        }
        if (link.seq() < expectedSeq) {
            return fail(new Broken(chain, link.seq(), stored.id(), "its seq repeats an earlier event's"));
        }
        if (!link.previousHash().equals(expectedPrevious)) {
            return fail(new Broken(chain, link.seq(), stored.id(), "its link to the event before it"
                    + (lastId > 0 ? " (event " + lastId + ")" : "") + " does not hold: that event was changed or replaced"));
        }
        if (!AuditChain.hash(link.chain(), link.seq(), link.previousHash(), stored.event()).equals(link.hash())) {
            return fail(new Broken(chain, link.seq(), stored.id(), "its content does not match its hash: the event was changed"));
        }
        expectedSeq = link.seq() + 1;
        expectedPrevious = link.hash();
        lastId = stored.id();
        return true;
    }

    /** The result once every event was fed. */
    public Result finish() {
        closeChain();
        if (broken == null && whole) {
            for (AuditChainHead head : heads.values()) {
                if (!seen.contains(head.chain())) {
                    fail(new Broken(head.chain(), head.seq(), 0, "all " + head.seq() + " event(s) of the chain are missing"));
                    break;
                }
            }
        }
        return new Result(events, seen.size(), Optional.ofNullable(broken));
    }

    private void closeChain() {
        if (chain == null || broken != null || !whole) {
            return;
        }
        long newest = expectedSeq - 1;
        AuditChainHead head = heads.get(chain);
        if (head == null) {
            fail(new Broken(chain, newest, lastId, "the chain has no head: its head was removed"));
        } else if (head.seq() > newest) {
            fail(new Broken(chain, newest + 1, 0, "the newest " + (head.seq() - newest) + " event(s) are missing (the chain's head is at seq "
                    + head.seq() + ")"));
        } else if (head.seq() < newest || !head.hash().equals(expectedPrevious)) {
            fail(new Broken(chain, newest, lastId, "the chain's head does not match its newest event"));
        }
    }

    private boolean fail(Broken first) {
        broken = first;
        return false;
    }
}
