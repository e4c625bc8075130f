package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command's JVM stops compiling with C2; a JVM whose compilers were chosen on its command line is left as it is.
 * Each case runs in a JVM of its own, so that this one keeps its compilers.
 */
class QuickCompilationTest {

    /** As from the jar, whose manifest opens the JDK's internal package: the diagnostic command is reached directly. */
    @Test
    void aJvmStartedAsHotSpotStartsByDefaultTakesTheDirective() throws Exception {
        assertTakesTheDirective(probe("--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED"), "direct: true");
    }

    /** Without that package open (Gatekey's classes outside the jar), through the platform's MBean server. */
    @Test
    void withoutTheJdksInternalPackageOpenTheMBeanServerServes() throws Exception {
        assertTakesTheDirective(probe(), "direct: false");
    }

    private static void assertTakesTheDirective(String probed, String route) {
        String[] answer = probed.split("\n", 3);
        assertEquals("applied: true", answer[0]);
        assertEquals(route, answer[1]);
        // HotSpot's own account of its directives: ours first, for C2 only (C1 falls through to the default one).
        String directives = answer[2];
        int ours = directives.indexOf("Directive:\n matching: *.*");
        int fallback = directives.indexOf("Directive: (default)");
        assertTrue(ours >= 0 && ours < fallback, directives);
        String added = directives.substring(ours, fallback);
        assertTrue(added.matches("(?s).*c1 directives:\\s+inline: -\\s+Enable:false Exclude:false .*"), added);
        assertTrue(added.matches("(?s).*c2 directives:\\s+inline: -\\s+Enable:true Exclude:true .*"), added);
        assertEquals(1, count(directives, "Exclude:true"), directives);
    }

    @Test
    void compilersChosenOnTheCommandLineAreKept() throws Exception {
        for (String chosen : List.of("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation", "-XX:TieredStopAtLevel=4")) {
            String answer = probe(chosen);
            assertTrue(answer.startsWith("applied: false\ndirect: false\n"), chosen + ": " + answer);
            assertTrue(answer.contains("Directive: (default)"), answer);
            assertEquals(0, count(answer, "Exclude:true"), chosen + ": " + answer);
        }
    }

    private static int count(String text, String part) {
        return text.split(part, -1).length - 1;
    }

    /** Runs {@link Probe} in a JVM of its own with the given options; its standard output. */
    private static String probe(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** Applies the directive as a command does, then prints whether it did, by which route, and HotSpot's directives stack. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            boolean applied = QuickCompilation.apply();
            System.out.print("applied: " + applied + "\ndirect: " + (QuickCompilation.diagnosticCommandBean() != null) + "\n"
                    + QuickCompilation.diagnosticCommand("compilerDirectivesPrint"));
        }
    }
}
