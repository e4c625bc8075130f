package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class RowsInFlightTest {

    private static final RowUpdate DEVICE = new RowUpdate("mfa_device", "UPDATE mfa_device SET failed_attempts = failed_attempts + 1 WHERE serial_number = ?", 1);

    private final RowsInFlight inFlight = new RowsInFlight();

    @Test
    void aBatchTakesNoRowAnotherUnderWayUpdatesAndTheWorkWaitsInItsOrder() {
        SharedWrites first = updating("a");
        SharedWrites insertOnly = new SharedWrites();
        Queue<SharedWrites> queue = new ArrayDeque<>(List.of(first, insertOnly));
        List<SharedWrites> underWay = inFlight.take(queue, 64);
        assertEquals(List.of(first, insertOnly), underWay);

        SharedWrites sameDevice = updating("a");
        SharedWrites otherDevice = updating("b");
        SharedWrites sameDeviceAgain = updating("a");
        queue.addAll(List.of(sameDevice, otherDevice, sameDeviceAgain));
        assertEquals(List.of(otherDevice), inFlight.take(queue, 64));
        assertEquals(List.of(sameDevice, sameDeviceAgain), List.copyOf(queue));
        assertTrue(inFlight.blocked(sameDevice));

        inFlight.release(underWay);
        assertFalse(inFlight.blocked(sameDevice));
        // Free again, but still one update of a row per batch.
        assertEquals(List.of(sameDevice), inFlight.take(queue, 64));
        assertEquals(List.of(sameDeviceAgain), List.copyOf(queue));
    }

    @Test
    void aBatchTakesAtMostWhatItIsAllowed() {
        Queue<SharedWrites> queue = new ArrayDeque<>(List.of(updating("a"), updating("b"), updating("c")));
        assertEquals(2, inFlight.take(queue, 2).size());
        assertEquals(1, queue.size());
    }

    private static SharedWrites updating(String serial) {
        SharedWrites writes = new SharedWrites();
        writes.add(DEVICE, new Object[] {serial});
        return writes;
    }
}
