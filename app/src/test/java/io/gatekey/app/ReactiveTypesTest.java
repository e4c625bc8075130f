package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.async.publisher.Publishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ReactiveTypesTest {

    /** This JVM's Publishers found its types on its own: the handed-over lists must be the same, in the same order. */
    @Test
    void handsMicronautExactlyTheTypesItFindsOnItsOwn() {
        ClassLoader classLoader = ReactiveTypes.class.getClassLoader();
        List<Class<?>> all = new ArrayList<>(ReactiveTypes.present(ReactiveTypes.MANY, classLoader));
        all.addAll(ReactiveTypes.present(ReactiveTypes.SINGLE, classLoader));
        all.addAll(ReactiveTypes.present(ReactiveTypes.COMPLETABLE, classLoader));

        assertEquals(Publishers.getKnownReactiveTypes(), all);
        assertEquals(Publishers.getKnownSingleTypes(), ReactiveTypes.present(ReactiveTypes.SINGLE, classLoader));
        assertEquals(Publishers.getKnownCompletableTypes(), ReactiveTypes.present(ReactiveTypes.COMPLETABLE, classLoader));
        assertTrue(all.contains(Flux.class) && all.contains(Mono.class));
    }

    @Test
    void reactorIsKnownButNotInitialized() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xlog:class+load=info",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);

        assertTrue(out.contains("reactive Flux: true, single Mono: true"), out);
        long reactorClasses = out.lines().filter(line -> line.contains(" reactor.")).count();
        // Flux, Mono and their two interfaces are loaded; initializing them would load some 270.
        assertTrue(reactorClasses > 0 && reactorClasses < 10, reactorClasses + " Reactor classes loaded");
    }

    /** Installs the types, then asks Publishers about Reactor's by name, as a command's context would. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            ReactiveTypes.install();
            Class<?> flux = Class.forName("reactor.core.publisher.Flux", false, Probe.class.getClassLoader());
            Class<?> mono = Class.forName("reactor.core.publisher.Mono", false, Probe.class.getClassLoader());
            System.out.println("reactive Flux: " + Publishers.isConvertibleToPublisher(flux) + ", single Mono: " + Publishers.isSingle(mono));
        }
    }
}
