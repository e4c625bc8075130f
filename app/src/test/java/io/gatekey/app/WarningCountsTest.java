package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import io.gatekey.app.http.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warnings and errors written to the log are counted under Micrometer's name; nothing runs on a log call that writes nothing. */
class WarningCountsTest {

    private static final Logger LOG = LoggerFactory.getLogger(WarningCountsTest.class);

    private static double count(MeterRegistry registry, String level) {
        return registry.get(WarningCounts.NAME).tag("level", level).counter().count();
    }

    @Test
    void countsWarningsAndErrorsUntilStopped() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SimpleMeterRegistry another = new SimpleMeterRegistry();
        WarningCounts counts = new WarningCounts();
        counts.bindTo(registry);
        counts.bindTo(another);
        try {
            LOG.warn("first warning");
            LOG.info("not counted");
            LOG.warn("second warning");
            LOG.error("an error");
            LOG.debug("not written, not counted");
            assertEquals(2.0, count(registry, "warn"));
            assertEquals(1.0, count(registry, "error"));
            assertEquals(2.0, count(another, "warn"), "each registry bound counts");
            assertNull(registry.find(WarningCounts.NAME).tag("level", "info").counter(), "only what alerts watch");
        } finally {
            counts.stop();
        }
        LOG.warn("after the stop");
        assertEquals(2.0, count(registry, "warn"));
    }

    @Test
    void theServerCountsWarningsWithoutATurboFilterOnEveryLogCall() throws Exception {
        // Compared with what was there before: contexts of other tests in this JVM may have left filters behind.
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<TurboFilter> before = List.copyOf(logback.getTurboFilterList());
        try (TestServer server = TestServer.on("h2", Map.of())) {
            assertEquals(before, List.copyOf(logback.getTurboFilterList()), "the server added a turbo filter");
            assertTrue(server.context.findBean(LogbackMetrics.class).isEmpty(), "Micrometer's Logback binder is off");
            MeterRegistry registry = server.context.getBean(MeterRegistry.class);
            double warnings = count(registry, "warn");
            LOG.warn("a warning the server's registry counts");
            assertEquals(warnings + 1, count(registry, "warn"));
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.managementUri("/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("logback_events_total{level=\"warn\"}"), metrics);
            assertTrue(!metrics.contains("logback_events_total{level=\"info\"}"), "info lines are not counted");
        }
    }
}
