package io.gatekey.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers that tests start on loopback. */
public final class TestPorts {

    private TestPorts() {
    }

    /** A port free at this moment. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
