package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request log is written by a thread of its own, and drops no line however fast they come. */
class LoggingConfiguratorTest {

    @Test
    void requestLinesAreQueuedAndEveryOneIsWritten() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
            new LoggingConfigurator().configure(context);
            Logger requests = context.getLogger(LoggingConfigurator.REQUEST_LOG);
            assertTrue(requests.getAppender("requests") instanceof BatchingAppender, "request lines go through a queue");
            requests.info("ncp GET /health 200 0ms id=first");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!written.toString(StandardCharsets.UTF_8).contains("id=first") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(written.toString(StandardCharsets.UTF_8).contains("id=first"), "a quiet server's line still goes out");
            Thread[] senders = new Thread[4];
            for (int t = 0; t < senders.length; t++) {
                int sender = t;
                senders[t] = new Thread(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        requests.info("ncp GET /api/v1/credentials 200 0ms id=" + sender + "-" + i);
                    }
                });
                senders[t].start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            context.getLogger("io.gatekey").warn("a line of another logger");
            requests.getAppender("requests").stop();
        } finally {
            System.setErr(stderr);
            context.stop();
        }
        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(20_001, lines.stream().filter(line -> line.contains("gatekey.requests - ncp GET")).count(), "none dropped");
        assertTrue(lines.stream().allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")), "whole lines, never one cut by a batch");
        assertEquals(1, lines.stream().filter(line -> line.contains("a line of another logger")).count());
        assertEquals(0, lines.stream().filter(line -> line.contains("gatekey.requests") && line.contains("another logger")).count());
    }
}
