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
 * A command's JVM stops compiling with C2, the server's leaves the JDK's start-only code to C1; a JVM whose compilers
 * were chosen on its command line is left as it is. Each case runs in a JVM of its own, so that this one keeps its
 * compilers.
 */
class QuickCompilationTest {

    private static final String OPEN = "jdk.management/com.sun.management.internal=ALL-UNNAMED";

    /** As from the jar, whose manifest opens the JDK's internal package: the diagnostic command is reached directly. */
    @Test
    void aCommandsJvmStartedAsHotSpotStartsByDefaultTakesTheDirective() throws Exception {
        String directive = assertTakesTheDirective(probe("command", "--add-opens", OPEN), "direct: true");
        assertTrue(directive.startsWith("Directive:\n matching: *.*\n"), directive);
    }

    /** Without that package open (Gatekey's classes outside the jar), through the platform's MBean server. */
    @Test
    void withoutTheJdksInternalPackageOpenTheMBeanServerServesACommand() throws Exception {
        String directive = assertTakesTheDirective(probe("command"), "direct: false");
        assertTrue(directive.startsWith("Directive:\n matching: *.*\n"), directive);
    }

    /** The server's directive names the JDK's start-only code, and only that. */
    @Test
    void theServersJvmLeavesTheJdksStartOnlyCodeToC1() throws Exception {
        String directive = assertTakesTheDirective(probe("server", "--add-opens", OPEN), "direct: true");
        assertTrue(directive.startsWith("Directive:\n matching: jdk/internal/loader/BuiltinClassLoader.loadClassOrNull, "
                + "java/util/Properties$LineReader.readLine, java/lang/invoke/MethodType.makeImpl, jdk/internal/org/objectweb/asm/*.*\n"), directive);
    }

    /** The server does not make the MBean server for it: that costs more than the directive saves. */
    @Test
    void withoutTheJdksInternalPackageOpenTheServerAsksNothing() throws Exception {
        String answer = probe("server");
        assertTrue(answer.startsWith("applied: false\ndirect: false\n"), answer);
        assertEquals(0, count(answer, "Exclude:true"), answer);
    }

    /** Asserts the probe took one directive, for C2 only, by the given route; the directive as HotSpot prints it. */
    private static String assertTakesTheDirective(String probed, String route) {
        String[] answer = probed.split("\n", 3);
        assertEquals("applied: true", answer[0]);
        assertEquals(route, answer[1]);
        // HotSpot's own account of its directives: ours first, for C2 only (C1 falls through to the default one).
        String directives = answer[2];
        int ours = directives.indexOf("Directive:\n matching: ");
        int fallback = directives.indexOf("Directive: (default)");
        assertTrue(ours >= 0 && ours < fallback, directives);
        String added = directives.substring(ours, fallback);
        assertTrue(added.matches("(?s).*c1 directives:\\s+inline: -\\s+Enable:false Exclude:false .*"), added);
        assertTrue(added.matches("(?s).*c2 directives:\\s+inline: -\\s+Enable:true Exclude:true .*"), added);
        assertEquals(1, count(directives, "Exclude:true"), directives);
        return added;
    }

    @Test
    void compilersChosenOnTheCommandLineAreKept() throws Exception {
        for (String chosen : List.of("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation", "-XX:TieredStopAtLevel=4")) {
            for (String kind : List.of("command", "server")) {
                String answer = probe(kind, chosen, "--add-opens", OPEN);
                assertTrue(answer.startsWith("applied: false\ndirect: true\n"), chosen + ": " + answer);
                assertTrue(answer.contains("Directive: (default)"), answer);
                assertEquals(0, count(answer, "Exclude:true"), chosen + ": " + answer);
            }
        }
    }

    private static int count(String text, String part) {
        return text.split(part, -1).length - 1;
    }

    /** Runs {@link Probe} for a command or the server in a JVM of its own with the given options; its standard output. */
    private static String probe(String kind, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), kind));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** Applies the directive as a command or the server does, then prints whether it did, by which route, and HotSpot's directives stack. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            boolean server = args[0].equals("server");
            boolean applied = QuickCompilation.apply(server ? QuickCompilation.START_ONLY : QuickCompilation.NO_C2, !server);
            System.out.print("applied: " + applied + "\ndirect: " + (QuickCompilation.diagnosticCommandBean() != null) + "\n"
                    + QuickCompilation.diagnosticCommand("compilerDirectivesPrint"));
        }
    }
}
