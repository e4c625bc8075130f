package io.gatekey.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for servers that tests start on loopback. */
public final class TestPorts {

    /**
     * Below Linux's ephemeral range (32768 and up by default), from which the kernel takes the local port of every
     * outgoing connection: a port picked there can be taken by one of the tests' own connections before the server
     * that was to listen on it starts (a Galera node then fails to join its cluster).
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;

    private TestPorts() {
    }

    /** A port free at this moment, outside the ephemeral range where one can be found. */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // Try another.
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
