package io.gatekey.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes land, or none do when it throws. */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
