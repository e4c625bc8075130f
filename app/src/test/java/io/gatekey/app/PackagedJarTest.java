package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatekey.adapter.persistence.TestPorts;
import io.gatekey.app.http.NcpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanContext;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable {@code gatekey.jar} itself, as an operator starts it (with {@code java -jar} and with the launcher):
 * run after the jar is packaged (its own Surefire execution in the package phase), since it lists its services from
 * the jar instead of letting Micronaut scan it.
 */
class PackagedJarTest {

    private static final Path JAR = Path.of("target", "gatekey.jar").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void theJarListsEveryServiceMicronautFindsInItButDefinitionsThatCanNeverBeEnabled() throws Exception {
        JarServices entries = JarServices.read(JAR.toFile());
        assertNotNull(entries);
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            JarServices listed = JarServices.indexed(jarOnly);
            assertNotNull(listed, "the build wrote no list into the jar");
            Map<String, Set<String>> found = MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(jarOnly);

            String definition = BeanDefinitionReference.class.getName();
            Set<String> definitions = found.get(definition);
            assertTrue(definitions.size() > 500, "bean definitions: " + definitions.size());
            assertTrue(definitions.containsAll(listed.implementations(definition)));
            Set<String> omitted = new TreeSet<>(definitions);
            omitted.removeAll(listed.implementations(definition));
            // Left out: only what Micronaut itself finds disabled, for a class the jar lacks (Log4j's logging system, Oracle's converters).
            assertTrue(omitted.contains("io.micronaut.logging.impl.$Log4jLoggingSystem$Definition"), omitted.toString());
            assertTrue(omitted.size() < 60, omitted.toString());
            // Asked of Micronaut in the jar alone (this test's class path holds more, Kotlin's coroutines among them).
            Class<?> contextType = jarOnly.loadClass(ApplicationContext.class.getName());
            Method isEnabled = jarOnly.loadClass(BeanDefinitionReference.class.getName())
                    .getMethod("isEnabled", jarOnly.loadClass(BeanContext.class.getName()));
            Object builder = contextType.getMethod("builder").invoke(null);
            try (AutoCloseable context = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
                for (String name : omitted) {
                    assertEquals(false, isEnabled.invoke(JarServices.instantiate(jarOnly, name), context), name);
                }
            }
            found.forEach((type, implementations) -> {
                if (!type.equals(definition)) {
                    assertTrue(listed.implementations(type).containsAll(implementations), type);
                }
            });
            // And the list holds exactly what the jar's entries hold, the service files included, but those definitions.
            String expected = entries.index().lines().filter(line -> !omitted.contains(line.substring(line.indexOf('\t') + 1)))
                    .map(line -> line + "\n").collect(Collectors.joining());
            assertEquals(expected, listed.index());
            assertFalse(listed.implementations("java.sql.Driver").isEmpty());
        }
    }

    /** The bean names the build wrote are those Micronaut's own scan of the jar finds, each for its reference. */
    @Test
    @SuppressWarnings("unchecked")
    void theJarNamesTheBeanOfEveryIntrospection() throws Exception {
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Map<String, String> indexed = DeferredIntrospections.indexed(jarOnly);
            assertNotNull(indexed, "the build wrote no introspection names into the jar");
            Class<?> introspector = jarOnly.loadClass("io.micronaut.core.beans.BeanIntrospector");
            Object scanning = introspector.getMethod("forClassLoader", ClassLoader.class).invoke(null, jarOnly);
            Collection<Class<?>> found = (Collection<Class<?>>) introspector.getMethod("findIntrospectedTypes", Predicate.class)
                    .invoke(scanning, (Predicate<Object>) reference -> true);

            assertEquals(found.stream().map(Class::getName).collect(Collectors.toSet()), Set.copyOf(indexed.values()));
            assertTrue(indexed.size() > 200, "introspections: " + indexed.size());
            Class<?> referenceType = jarOnly.loadClass("io.micronaut.core.beans.BeanIntrospectionReference");
            for (Map.Entry<String, String> entry : indexed.entrySet()) {
                Object reference = jarOnly.loadClass(entry.getKey()).getConstructor().newInstance();
                assertEquals(entry.getValue(), referenceType.getMethod("getName").invoke(reference), entry.getKey());
            }
        }
    }

    /** A plain command reaches HotSpot's diagnostic command without the MBean server ({@link QuickCompilation}). */
    @Test
    void theJarOpensTheJdksDiagnosticCommandToItsOwnClasses() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertEquals("jdk.management/com.sun.management.internal", jar.getManifest().getMainAttributes().getValue("Add-Opens"));
        }
    }

    @Test
    void theJarStoresItsEntriesUncompressed() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> deflated = jar.stream().filter(entry -> entry.getMethod() != ZipEntry.STORED).map(ZipEntry::getName).limit(5).toList();
            assertEquals(List.of(), deflated);
            assertTrue(jar.size() > 20_000, "entries: " + jar.size());
        }
    }

    @Test
    void commandsAndTheServerRunFromTheJar() throws Exception {
        Run init = java("init", "--name", "Jar Corp", "-o", "json");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("\"name\" : \"Jar Corp\""), init.out());
        Run list = java("accounts", "list", "-o", "json");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("\"name\" : \"Jar Corp\""), list.out());
        Run alias = java("accounts", "alias", "set", "jarcorp");
        assertEquals(0, alias.exitCode(), alias.err());

        int port = TestPorts.free();
        Process server = serve(command("serve"), port);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            assertEquals(200, healthWithin(http, port, Duration.ofSeconds(60)), Files.readString(workDir.resolve("server.log")));
            assertLeavesOnlyTheJdksStartOnlyCodeToC1(compilerDirectives(Path.of(System.getProperty("java.home")), server));
            // A door of the server's answers in its own envelope: its beans are there.
            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/credentials"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unsigned.statusCode());
            assertEquals("{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\","
                    + "\"details\":\"Authentication information are missing.\"}}", unsigned.body());
            // Files the server reads from the jar: a console view and an OpenAPI document.
            HttpResponse<String> signIn = http.send(get(port, "/nsa/jarcorp"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signIn.statusCode());
            assertTrue(signIn.body().contains("<form method=\"post\" action=\"/nsa/jarcorp/sign-in\""), signIn.body());
            HttpResponse<String> openApi = http.send(get(port, "/openapi/ncp.yml"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, openApi.statusCode());
            assertTrue(openApi.body().startsWith("openapi: "), openApi.body());
            // A signed read, whose key's last use the server writes within a second, or as it stops.
            String accessKey = jsonField(init.out(), "accessKeyId");
            long timestamp = System.currentTimeMillis();
            HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/credentials"))
                    .header("x-ncp-apigw-timestamp", Long.toString(timestamp)).header("x-ncp-iam-access-key", accessKey)
                    .header("x-ncp-apigw-signature-v2", NcpClient.sign(jsonField(init.out(), "secretKey"), "GET", "/api/v1/credentials", timestamp, accessKey))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signed.statusCode(), signed.body());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        }
        // SIGTERM stopped the server before the embedded database closed: the last use is written, and H2 traced no
        // access to a closed database.
        assertEquals(143, server.exitValue());
        Run keys = java("keys", "list", "-o", "json");
        assertEquals(0, keys.exitCode(), keys.err());
        assertTrue(keys.out().matches("(?s).*\"lastUsedAt\" : \"20\\d\\d-.*"), keys.out() + Files.readString(workDir.resolve("server.log")));
        assertFalse(Files.exists(workDir.resolve("data").resolve("gatekey.trace.db")), () -> read(workDir.resolve("data").resolve("gatekey.trace.db")));
    }

    private static String jsonField(String json, String name) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("\"" + name + "\" : \"([^\"]+)\"").matcher(json);
        assertTrue(field.find(), json);
        return field.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void theLauncherStartsFromAnArchiveItMadeOnThisBuildsJdk() throws Exception {
        launcherArchives(Path.of(System.getProperty("java.home")));
    }

    /** On JDK 25 or newer the launcher keeps an AOT cache instead; such a JDK sits beside the default one on these machines. */
    @Test
    void theLauncherStartsFromAnAotCacheItMadeOnJdk25() throws Exception {
        Path jdk = jdk25OrNewer();
        assumeTrue(jdk != null, "no JDK 25 or newer under /usr/lib/jvm");
        launcherArchives(jdk);
    }

    /**
     * ./gatekey, run from a checkout of its own (the launcher and a link to the jar) on the JDK that JAVA_HOME names: a
     * first command and a first server that stops cleanly each write their archive, named by the JDK's version; later
     * runs start from it without writing it again, and the server's JVM has it mapped. A command's output stays its own.
     */
    private void launcherArchives(Path javaHome) throws Exception {
        Path checkout = workDir.resolve("checkout");
        Path target = Files.createDirectories(checkout.resolve("app").resolve("target"));
        Files.copy(Path.of("..", "gatekey"), checkout.resolve("gatekey"));
        try {
            Files.createLink(target.resolve("gatekey.jar"), JAR);
        } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Files.copy(JAR, target.resolve("gatekey.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        }
        String version = javaVersion(javaHome).orElseThrow();
        String suffix = feature(version) >= 25 ? ".aot" : ".jsa";
        Object inode = Files.getAttribute(target.resolve("gatekey.jar"), "unix:ino");
        Path commands = target.resolve("gatekey-cli-" + version + "-" + inode + suffix);
        Path server = target.resolve("gatekey-serve-" + version + "-" + inode + suffix);
        List<String> launcher = List.of("sh", checkout.resolve("gatekey").toString());
        Path unnamed = Files.writeString(target.resolve("gatekey-cli-" + version + suffix), "an archive named as before, by the JDK alone");

        Run init = run(launched(launcher, javaHome, "init", "--name", "Launcher Corp", "-o", "json"));
        assertEquals(0, init.exitCode(), init.err());
        assertFalse(Files.exists(unnamed), "the archive named as before is gone");
        assertTrue(init.out().startsWith("{") && init.out().strip().endsWith("}"), init.out());
        assertTrue(init.out().contains("\"name\" : \"Launcher Corp\""), init.out());
        assertTrue(Files.isRegularFile(commands), init.err());
        FileTime made = Files.getLastModifiedTime(commands);
        Run list = run(launched(launcher, javaHome, "accounts", "list", "-o", "json"));
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("\"name\" : \"Launcher Corp\""), list.out());
        assertEquals("", list.err());
        assertEquals(made, Files.getLastModifiedTime(commands));

        int port = TestPorts.free();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (boolean first : new boolean[] {true, false}) {
            Process running = serve(launched(launcher, javaHome, "serve"), port);
            try {
                assertEquals(200, healthWithin(http, port, Duration.ofSeconds(60)), Files.readString(workDir.resolve("server.log")));
                // The launcher's shell became the JVM, which maps the archive's file when it starts from it.
                assertEquals(!first, Files.readString(Path.of("/proc", String.valueOf(running.pid()), "maps")).contains(server.toString()));
                assertLeavesOnlyTheJdksStartOnlyCodeToC1(compilerDirectives(javaHome, running));
            } finally {
                running.destroy();
                assertTrue(running.waitFor(120, TimeUnit.SECONDS));
            }
            assertTrue(Files.isRegularFile(server), Files.readString(workDir.resolve("server.log")));
        }
        assertEquals(made, Files.getLastModifiedTime(commands));

        // The next build moves a new jar into place: its commands make an archive of their own, and the last jar's goes.
        Path next = target.resolve("gatekey.jar.next");
        Files.copy(JAR, next);
        Files.move(next, target.resolve("gatekey.jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Object nextInode = Files.getAttribute(target.resolve("gatekey.jar"), "unix:ino");
        Run afterBuild = run(launched(launcher, javaHome, "accounts", "list", "-o", "json"));
        assertEquals(0, afterBuild.exitCode(), afterBuild.err());
        assertTrue(Files.isRegularFile(target.resolve("gatekey-cli-" + version + "-" + nextInode + suffix)), afterBuild.err());
        assertFalse(Files.exists(commands), "the last jar's archive is gone");
        assertTrue(Files.isRegularFile(server), "the server's archive waits for the next server");
    }

    private ProcessBuilder launched(List<String> launcher, Path javaHome, String... args) {
        ProcessBuilder builder = command(launcher, args);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        return builder;
    }

    /** The version a JDK's release file gives, as the launcher reads it; empty without one. */
    private static Optional<String> javaVersion(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst();
        } catch (IOException noRelease) {
            return Optional.empty();
        }
    }

    /** The feature release a version names: 25 for 25.0.3 or 25-ea, 0 for none. */
    private static int feature(String version) {
        String digits = version.replaceFirst("\\D.*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static Path jdk25OrNewer() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (var homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .filter(home -> javaVersion(home).map(PackagedJarTest::feature).orElse(0) >= 25)
                    .sorted().findFirst().orElse(null);
        }
    }

    private Process serve(ProcessBuilder serve, int port) throws IOException {
        serve.redirectErrorStream(true).redirectOutput(workDir.resolve("server.log").toFile());
        serve.environment().putAll(Map.of("MICRONAUT_SERVER_PORT", String.valueOf(port), "MICRONAUT_SERVER_HOST", "127.0.0.1",
                "ENDPOINTS_ALL_PORT", String.valueOf(TestPorts.free())));
        return serve.start();
    }

    /**
     * The server keeps the full JIT but for the JDK code that only its start runs much, which it asked its own JVM
     * to leave to C1 ({@link QuickCompilation#START_ONLY}): one directive besides the default one, for C2 alone.
     */
    private static void assertLeavesOnlyTheJdksStartOnlyCodeToC1(String directives) {
        assertTrue(directives.matches("(?s)\\d+:\\s+Directive:\\s+matching: jdk/internal/loader/BuiltinClassLoader.loadClassOrNull, "
                + "java/util/Properties\\$LineReader.readLine, java/lang/invoke/MethodType.makeImpl, jdk/internal/org/objectweb/asm/\\*\\.\\*\\s+"
                + "c1 directives:\\s+inline: -\\s+Enable:false .*c2 directives:\\s+inline: -\\s+Enable:true Exclude:true .*Directive: \\(default\\).*"),
                directives);
        assertEquals(1, directives.split("Exclude:true", -1).length - 1, directives);
    }

    /** What HotSpot prints of the compiler directives it holds, as {@code jcmd <pid> Compiler.directives_print}. */
    private static String compilerDirectives(Path javaHome, Process jvm) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(javaHome.resolve("bin").resolve("jcmd").toString(), String.valueOf(jvm.pid()), "Compiler.directives_print")
                .redirectErrorStream(true).start();
        String printed = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS));
        return printed;
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }

    private int healthWithin(HttpClient http, int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run java(String... args) throws Exception {
        return run(command(args));
    }

    private Run run(ProcessBuilder command) throws Exception {
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private ProcessBuilder command(String... args) {
        return command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()), args);
    }

    private ProcessBuilder command(List<String> launch, String... args) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("GATEKEY_") || name.startsWith("MICRONAUT_"));
        return builder;
    }
}
