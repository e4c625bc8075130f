package io.gatekey.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * {@code logback.events{level=warn|error}}: the warnings and errors written to the log, the two of Micrometer's
 * Logback counts that alerts watch, under the same name. Micrometer's own binder (turned off in the application's
 * configuration) counted every level through a Logback turbo filter, which runs on every log call before any level
 * check, the request log's line of every request included: a seventieth of a signed read's time. These are counted
 * by an appender on the root logger instead, which sees only what is written.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class WarningCounts implements MeterBinder {

    static final String NAME = "logback.events";
    private final List<Counter> warnings = new CopyOnWriteArrayList<>();
    private final List<Counter> errors = new CopyOnWriteArrayList<>();
    private Counting appender;

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        warnings.add(counter(registry, "warn"));
        errors.add(counter(registry, "error"));
        if (appender == null) {
            appender = new Counting();
            appender.setContext(context);
            appender.setName("gatekey-warning-counts");
            appender.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }
    }

    private static Counter counter(MeterRegistry registry, String level) {
        return Counter.builder(NAME).tag("level", level).baseUnit("events")
                .description("Number of " + level + " level events that made it to the logs").register(registry);
    }

    @PreDestroy
    synchronized void stop() {
        if (appender != null && appender.getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
            appender = null;
        }
    }

    /** Counts each warning and error into every registry bound. */
    private final class Counting extends UnsynchronizedAppenderBase<ILoggingEvent> {

        @Override
        protected void append(ILoggingEvent event) {
            Level level = event.getLevel();
            if (level == Level.WARN) {
                warnings.forEach(Counter::increment);
            } else if (level == Level.ERROR) {
                errors.forEach(Counter::increment);
            }
        }
    }
}
