package io.gatekey.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands log lines to a thread of its own without waking it: a request's thread puts its line in a bounded queue
 * and goes on, and the writer thread wakes every {@code periodMillis} on its own, writes what has gathered through
 * {@code target} (an appender that does not flush each line) and flushes {@code output} once. Logback's
 * AsyncAppender wakes its worker for every line, a system call per request. A full queue wakes the writer and
 * makes the request wait for room: no line is dropped. Stopping writes out what the queue holds.
 */
final class BatchingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final BlockingQueue<ILoggingEvent> queue;
    private final Appender<ILoggingEvent> target;
    private final Flushable output;
    private final long periodNanos;
    private Thread writer;

    BatchingAppender(int capacity, long periodMillis, Appender<ILoggingEvent> target, Flushable output) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.target = target;
        this.output = output;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        writer = new Thread(this::writeUntilStopped, getName() + "-writer");
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // The writer formats the line later, on its own thread: what the event reads lazily is fixed now.
        event.prepareForDeferredProcessing();
        if (queue.offer(event)) {
            return;
        }
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilStopped() {
        List<ILoggingEvent> batch = new ArrayList<>();
        while (isStarted()) {
            LockSupport.parkNanos(this, periodNanos);
            writeOut(batch);
        }
        writeOut(batch);
    }

    private void writeOut(List<ILoggingEvent> batch) {
        while (queue.drainTo(batch) > 0) {
            for (ILoggingEvent event : batch) {
                target.doAppend(event);
            }
            batch.clear();
        }
        try {
            output.flush();
        } catch (IOException e) {
            // stderr is gone; nothing to tell it to
        }
    }

    /** Stops taking lines and waits up to two seconds for the writer to write out the ones queued. */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        LockSupport.unpark(writer);
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
