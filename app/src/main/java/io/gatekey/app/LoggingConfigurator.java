package io.gatekey.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Logs to stderr, configured in code rather than XML so a CLI command starts quickly. The level is
 * {@code gatekey.log.level} (INFO for the server, WARN for operator commands), the format {@code gatekey.log.format} or
 * {@code GATEKEY_LOG_FORMAT} ({@code plain}, or {@code json}: one object a line); Hikari and Flyway speak up only
 * when something is wrong, MariaDB's driver not of the errors it throws.
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

    /** The request log's lines, one per request, queued and written by a thread of their own. */
    static final String REQUEST_LOG = "gatekey.requests";
    /** How long a request line may wait in the buffer at most. */
    static final long FLUSH_MILLIS = 200;
    /** Request lines the queue holds before a request waits for room: a tenth of a second at 300,000 requests a second. */
    static final int QUEUE_SIZE = 1 << 15;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String format = System.getProperty("gatekey.log.format", System.getenv().getOrDefault("GATEKEY_LOG_FORMAT", "plain"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("gatekey.log.level"), Level.INFO));
        root.addAppender(stderr(context, format));
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // MariaDB's driver logs every error the server answers at WARN, then throws it. Gatekey handles each one itself
        // (a lost race on Galera is run again, a refused login stops a command with its one line), so its lines only
        // doubled those, and counted every lost race as a warning.
        context.getLogger("org.mariadb.jdbc.message.server.ErrorPacket").setLevel(Level.ERROR);
        // A line per request written on the request's thread would make every request wait its turn for stderr, and
        // one write per line costs a system call each: the lines are queued, and a thread of their own writes them
        // into a buffer that goes out in whole lines when full and after each batch, at least every FLUSH_MILLIS.
        // Queueing a line wakes nobody; the queue never drops a line (a full one makes requests wait instead), and
        // what it holds at exit is written out first.
        BatchedStderr batched = new BatchedStderr(System.err);
        OutputStreamAppender<ILoggingEvent> lines = new OutputStreamAppender<>();
        lines.setContext(context);
        lines.setName("requests-stderr");
        lines.setEncoder(encoder(context, format));
        lines.setImmediateFlush(false);
        lines.setOutputStream(batched);
        lines.start();
        BatchingAppender requests = new BatchingAppender(QUEUE_SIZE, FLUSH_MILLIS / 2, lines, batched);
        requests.setContext(context);
        requests.setName("requests");
        requests.start();
        Logger requestLog = context.getLogger(REQUEST_LOG);
        requestLog.setAdditive(false);
        requestLog.addAppender(requests);
        Runtime.getRuntime().addShutdownHook(new Thread(requests::stop, "gatekey-request-log-drain"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Stderr through a buffer, for the request log: whole lines out in batches; closing it flushes, never closes stderr. */
    static final class BatchedStderr extends BufferedOutputStream {

        BatchedStderr(OutputStream stderr) {
            super(stderr, 1 << 15);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context, String format) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, format));
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
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
        return encoder;
    }
}
