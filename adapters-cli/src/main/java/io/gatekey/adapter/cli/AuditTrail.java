package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.audit.ExportAuditEventsUseCase;
import io.gatekey.domain.audit.AuditChainCheck;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatekey audit verify} and {@code gatekey audit export}: the audit trail's chains, checked and exported. */
final class AuditTrail {

    private AuditTrail() {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks every chain of the audit trail from its first event to its head: exit 0 when whole, "
                    + "1 naming the first broken link (an event changed, removed, or put out of its chain).",
                    "With --file, checks an export instead: each chain from its first event in the file on."},
            footerHeading = "%nExamples:%n", footer = {"  gatekey audit verify", "  gatekey audit verify --file audit.jsonl"})
    static final class Verify extends OperatorCommand {
        @Option(names = "--file", description = "An export (JSON lines) to check instead of the database.")
        Path file;

        @Override
        void run() {
            AuditChainCheck.Result result = file == null ? useCases().verifyAuditTrail().verify(operator) : checkExport(file);
            if (result.broken().isPresent()) {
                throw new CliRefusal("the audit trail is broken: " + result.broken().get().describe());
            }
            say("The audit trail is whole: " + result.events() + " event(s) in " + result.chains() + " chain(s).");
        }

        private static AuditChainCheck.Result checkExport(Path file) {
            List<LinkedAuditEvent> events = new ArrayList<>();
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                long number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        events.add(AuditJsonLines.read(line, number));
                    }
                }
            } catch (IOException e) {
                throw CliRefusal.cannotRead(file, e);
            }
            events.sort(Comparator.comparing((LinkedAuditEvent e) -> e.link().chain()).thenComparingLong(e -> e.link().seq()));
            AuditChainCheck check = AuditChainCheck.excerpt();
            events.forEach(check::accept);
            return check.finish();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the audit events of a time window to standard output, oldest first, one JSON object per line, "
                    + "with each event's link in its chain, for a SIEM; 'gatekey audit verify --file' checks such a file.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey audit export --since 2026-01-01T00:00:00Z > audit.jsonl",
            "  gatekey audit export -o jsonl \\",
            "      --since 2026-01-01T00:00:00Z --until 2026-02-01T00:00:00Z"})
    static final class Export extends OperatorCommand {
        enum Format { jsonl }

        @Option(names = "--since", required = true, description = "From this ISO 8601 time (inclusive).")
        String since;
        @Option(names = "--until", description = "Up to this ISO 8601 time (exclusive; default: the newest event).")
        String until;
        @Option(names = {"-o", "--output"}, description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "jsonl")
        Format format;

        @Override
        void run() {
            PrintWriter out = out();
            useCases().exportAuditEvents().export(new ExportAuditEventsUseCase.Query(operator, time("--since", since).orElseThrow(),
                    time("--until", until)), event -> AuditJsonLines.write(out, event));
            out.flush();
        }
    }
}
