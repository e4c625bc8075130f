package io.gatekey.app;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logs to stderr, configured in code rather than XML so a CLI command starts quickly. The level is
 * {@code gatekey.log.level} (INFO for the server, WARN for operator commands), the format {@code gatekey.log.format} or
 * {@code GATEKEY_LOG_FORMAT} ({@code plain}, or {@code json}: one object a line); Hikari and Flyway speak up only
 * when something is wrong.
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

    /** The request log's lines, one per request, queued and written by a thread of their own. */
    static final String REQUEST_LOG = "gatekey.requests";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String format = System.getProperty("gatekey.log.format", System.getenv().getOrDefault("GATEKEY_LOG_FORMAT", "plain"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("gatekey.log.level"), Level.INFO));
        root.addAppender(stderr(context, format));
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // A line per request written on the request's thread would make every request wait its turn for stderr.
        // The queue never drops a line (a full queue makes requests wait instead); what it holds at exit is written
        // out before the JVM ends.
        AsyncAppender requests = new AsyncAppender();
        requests.setContext(context);
        requests.setName("requests");
        requests.setQueueSize(8192);
        requests.setDiscardingThreshold(0);
        requests.setMaxFlushTime(2000);
        requests.addAppender(stderr(context, format));
        requests.start();
        Logger requestLog = context.getLogger(REQUEST_LOG);
        requestLog.setAdditive(false);
        requestLog.addAppender(requests);
        Runtime.getRuntime().addShutdownHook(new Thread(requests::stop, "gatekey-request-log-flush"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context, String format) {
        Encoder<ILoggingEvent> encoder;
        if (format.equalsIgnoreCase("json")) {
            // One JSON object a line, with each key-value pair (a request line's door, status, ...) as a field.
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            encoder = json;
        } else {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setContext(context);
            plain.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
            plain.start();
            encoder = plain;
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
