package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lines reach the target in each sender's order, none dropped when the queue is full, all flushed by a stop. */
class BatchingAppenderTest {

    /** What the writer thread hands on, and on which thread. */
    private static final class Collected extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new ArrayList<>();
        final List<String> threads = new ArrayList<>();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
            threads.add(Thread.currentThread().getName() + " for " + event.getThreadName());
        }
    }

    @Test
    void aFullQueueMakesSendersWaitAndLosesNothing() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        Collected collected = new Collected();
        collected.setContext(context);
        collected.start();
        AtomicInteger flushes = new AtomicInteger();
        // Four lines of room and a writer that wakes by itself only every 10 s: the senders must wake it.
        BatchingAppender batching = new BatchingAppender(4, 10_000, collected, flushes::incrementAndGet);
        batching.setContext(context);
        batching.setName("test");
        batching.start();
        Logger logger = context.getLogger("test");
        logger.setAdditive(false);
        logger.addAppender(batching);
        Thread[] senders = new Thread[3];
        for (int t = 0; t < senders.length; t++) {
            int sender = t;
            senders[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    logger.info("{} {}", sender, i);
                }
            }, "sender-" + t);
            senders[t].start();
        }
        for (Thread sender : senders) {
            sender.join(30_000);
            assertTrue(!sender.isAlive(), "a full queue wakes the writer");
        }
        batching.stop();
        context.stop();

        assertEquals(6_000, collected.lines.size(), "none dropped");
        for (int sender = 0; sender < senders.length; sender++) {
            String prefix = sender + " ";
            List<String> own = collected.lines.stream().filter(line -> line.startsWith(prefix)).toList();
            for (int i = 0; i < own.size(); i++) {
                assertEquals(prefix + i, own.get(i), "a sender's lines keep their order");
            }
        }
        assertTrue(collected.threads.stream().allMatch(name -> name.matches("test-writer for sender-\\d")),
                "written by the writer, each line naming the thread that sent it: " + collected.threads.get(0));
        assertTrue(flushes.get() >= 1, "the batch is flushed");
    }
}
