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
 * An operator command runs for a second or so, and on two cores HotSpot's optimising compiler (C2) spends one of them
 * compiling code the command will not run long enough to profit from. The {@code ./gatekey} launcher passes
 * {@code -XX:TieredStopAtLevel=1}; a plain {@code java -jar} carries no JVM options, so a command asks its own JVM
 * instead, with the diagnostic command behind {@code jcmd <pid> Compiler.directives_add} (HotSpot's documented
 * {@code DiagnosticCommandMBean}): C2 compiles nothing from then on, the quick compiler (C1) still compiles every hot
 * method. The server never asks: it keeps the full JIT. A JVM whose compilers were chosen on its command line, or
 * that has no such command, is left as it is. A long command (a reseal of many rows) runs on C1's code throughout,
 * as it does with the launcher.
 */
final class QuickCompilation {

    /** HotSpot's compiler directive: no method is compiled by C2. */
    static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompilation() {
    }

    /**
     * Asks on a daemon thread: building the platform's MBean server takes a tenth of a second or more, which the
     * command need not wait for.
     */
    static void begin() {
        Thread asking = new Thread(QuickCompilation::apply, "gatekey-quick-compilation");
        asking.setDaemon(true);
        asking.start();
    }

    /** Adds the directive; true when the JVM took it, false when it was left as it is. */
    static boolean apply() {
        try {
            if (!compilersAsDefault(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class))) {
                return false;
            }
            Path directives = Files.createTempFile("gatekey-compilation", ".json");
            // A command that ends while this thread is still here leaves no file behind either.
            directives.toFile().deleteOnExit();
            try {
                Files.writeString(directives, NO_C2);
                return diagnosticCommand("compilerDirectivesAdd", directives.toString()).startsWith("1 compiler directives added");
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (IOException | JMException | RuntimeException notHotSpotOrRefused) {
            return false;
        }
    }

    /** Runs one of HotSpot's diagnostic commands in this JVM (as {@code jcmd} would), answering what it prints. */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        Object[] parameters = {arguments};
        String[] signature = {String[].class.getName()};
        DynamicMBean direct = diagnosticCommandBean();
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
