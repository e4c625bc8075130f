package io.gatekey.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * On two cores HotSpot's optimising compiler (C2) takes the second core from a short start, compiling code the start
 * will not run long enough to profit from. A JVM that starts as HotSpot starts by default therefore asks itself for a
 * compiler directive, with the diagnostic command behind {@code jcmd <pid> Compiler.directives_add} (HotSpot's
 * documented {@code DiagnosticCommandMBean}):
 * <ul>
 *   <li>an operator command, over in a second or so: C2 compiles nothing ({@link #NO_C2}), the quick compiler (C1)
 *   still compiles every hot method; the {@code ./gatekey} launcher passes {@code -XX:TieredStopAtLevel=1} instead. A
 *   long command (a reseal of many rows) runs on C1's code throughout, as it does with the launcher;</li>
 *   <li>the server: C2 leaves to C1 the JDK code that a server runs while it starts and seldom after
 *   ({@link #START_ONLY}), a third of its start's C2 time; it compiles everything else, so the server runs as fast
 *   once warm.</li>
 * </ul>
 * A JVM whose compilers were chosen on its command line, or that has no such command, is left as it is.
 */
final class QuickCompilation {

    /** HotSpot's compiler directive: no method is compiled by C2. */
    static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    /**
     * HotSpot's compiler directive: C2 does not compile the JDK's bytecode writer (behind lambda forms, method handles
     * and proxies; {@code Frame.execute} alone took C2 0.2 s of a start, just as the first request came),
     * {@code MethodType.makeImpl}, the reading of properties files, and class loading (0.35 s of a plain start).
     */
    static final String START_ONLY = "[{ match: [\"jdk/internal/org/objectweb/asm/*.*\", \"java/lang/invoke/MethodType.makeImpl\", "
            + "\"java/util/Properties$LineReader.readLine\", \"jdk/internal/loader/BuiltinClassLoader.loadClassOrNull\"], c2: { Exclude: true } }]";

    private QuickCompilation() {
    }

    /** Asks on a daemon thread, which the start need not wait for: the server for {@link #START_ONLY}, a command for {@link #NO_C2}. */
    static void begin(boolean server) {
        Thread asking = new Thread(() -> apply(server ? START_ONLY : NO_C2, !server), "gatekey-quick-compilation");
        asking.setDaemon(true);
        asking.start();
    }

    /**
     * Adds the directive; true when the JVM took it, false when it was left as it is. Without the diagnostic command's
     * bean at hand ({@link #diagnosticCommandBean()}), only where {@code mBeanServerToo}: making the platform's MBean
     * server costs a tenth of a second of CPU, more than the server's directive saves.
     */
    static boolean apply(String directive, boolean mBeanServerToo) {
        try {
            if (!compilersAsDefault(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class))) {
                return false;
            }
            DynamicMBean direct = diagnosticCommandBean();
            if (direct == null && !mBeanServerToo) {
                return false;
            }
            Path directives = Files.createTempFile("gatekey-compilation", ".json");
            // A start that ends while this thread is still here leaves no file behind either.
            directives.toFile().deleteOnExit();
            try {
                Files.writeString(directives, directive);
                return diagnosticCommand(direct, "compilerDirectivesAdd", directives.toString()).startsWith("1 compiler directives added");
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (IOException | JMException | RuntimeException notHotSpotOrRefused) {
            return false;
        }
    }

    /** Runs one of HotSpot's diagnostic commands in this JVM (as {@code jcmd} would), answering what it prints. */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        return diagnosticCommand(diagnosticCommandBean(), operation, arguments);
    }

    private static String diagnosticCommand(DynamicMBean direct, String operation, String... arguments) throws JMException {
        Object[] parameters = {arguments};
        String[] signature = {String[].class.getName()};
        if (direct != null) {
            return String.valueOf(direct.invoke(operation, parameters, signature));
        }
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation, parameters, signature));
    }

    /**
     * The diagnostic command bean itself, without the platform's MBean server, whose making (every platform bean
     * registered) cost a plain command a tenth of a second of CPU: the JDK makes it in {@code jdk.management}'s internal
     * package, which the jar's manifest opens ({@code Add-Opens}). Null where that package is not open to Gatekey
     * (its classes run outside the jar) or holds no such method (another JDK): the MBean server serves then.
     */
    static DynamicMBean diagnosticCommandBean() {
        try {
            Class<?> type = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            if (!type.getModule().isOpen(type.getPackageName(), QuickCompilation.class.getModule())) {
                return null;
            }
            Method bean = type.getDeclaredMethod("getDiagnosticCommandMBean");
            bean.setAccessible(true);
            return bean.invoke(null) instanceof DynamicMBean made ? made : null;
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }

    /**
     * Tiered compilation up to C2, as HotSpot starts by default. Anything else was chosen on the command line (the
     * launcher's C1 only, or C2 only, which the directive would leave with no compiler at all) and is kept.
     */
    static boolean compilersAsDefault(HotSpotDiagnosticMXBean hotSpot) {
        return hotSpot != null
                && isDefault(hotSpot.getVMOption("TieredCompilation"), "true")
                && isDefault(hotSpot.getVMOption("TieredStopAtLevel"), "4");
    }

    private static boolean isDefault(VMOption option, String value) {
        return option.getOrigin() == VMOption.Origin.DEFAULT && option.getValue().equals(value);
    }
}
