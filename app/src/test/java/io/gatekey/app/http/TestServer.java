package io.gatekey.app.http;

import io.gatekey.adapter.persistence.TestDatabases;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.testing.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A running Gatekey server on a random loopback port, over a test database, on a clock the test moves. */
public final class TestServer implements AutoCloseable {

    private static final java.util.concurrent.atomic.AtomicInteger NODES = new java.util.concurrent.atomic.AtomicInteger();
    public final MutableClock clock;
    public final ApplicationContext context;
    public final EmbeddedServer server;
    public final GatekeyServices useCases;

    public TestServer(TestDatabases.Database database, Map<String, Object> extra) {
        this(database, extra, new MutableClock(Instant.now()));
    }

    /** On a clock shared with other servers, as the nodes of one deployment share time. */
    public TestServer(TestDatabases.Database database, Map<String, Object> extra, MutableClock clock) {
        this.clock = clock;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("endpoints.all.port", io.gatekey.adapter.persistence.TestPorts.free());
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("datasources.default.url", database.url());
        properties.put("datasources.default.username", database.user());
        properties.put("datasources.default.password", database.password());
        properties.put("datasources.default.maximum-pool-size", 16);
        properties.put("gatekey.master-key", "1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        properties.put("gatekey.purge.enabled", false);
        properties.put("gatekey.key-cache-lifetime", "0s");
        // Tests move the server's clock at will; the readiness check of the clock is tested on its own (HealthTest).
        properties.put("gatekey.health.max-clock-skew", "3650d");
        // Each server is a node of its own, as each node of a deployment is named apart.
        properties.put("gatekey.node-name", "test-server-" + NODES.incrementAndGet());
        properties.putAll(extra);
        this.context = ApplicationContext.builder().properties(properties).singletons(clock).start();
        this.server = context.getBean(EmbeddedServer.class).start();
        this.useCases = context.getBean(GatekeyServices.class);
    }

    public static TestServer on(String database, Map<String, Object> extra) {
        return new TestServer(database.equals("mariadb") ? TestDatabases.newMariaDbDatabase() : TestDatabases.newH2Database(), extra);
    }

    /** The management port's address (metrics), which the public port does not serve. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty("endpoints.all.port", Integer.class).orElseThrow() + path);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(server.getURL().toString() + pathAndQuery);
    }

    /**
     * A GET that no well-behaved client library would send (a bad escape, bytes outside ASCII), its request line
     * written to the socket by hand in UTF-8; the whole answer, status line and headers included.
     */
    public String rawGet(String target) throws java.io.IOException {
        URI base = uri("");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
