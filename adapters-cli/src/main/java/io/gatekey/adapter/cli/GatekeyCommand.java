package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.audit.AuditEventType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** The {@code gatekey} command: the server and the operator's commands, on the configured database. */
@Command(name = "gatekey", mixinStandardHelpOptions = true, version = "gatekey 0.1.0",
        description = "Security token service with virtual MFA: the server and its operator commands.",
        footerHeading = "%nExamples:%n",
        footer = {"  gatekey serve", "  gatekey init --name \"Example Corp\"", "  gatekey users create alice",
                "  gatekey mfa create --user alice alice-phone --qr-png alice.png",
                "  source <(gatekey generate-completion)"})
public final class GatekeyCommand implements Runnable {

    /** The subcommands, in the order help lists them ({@link GatekeyCli} adds them, only the one a run names when it can). */
    static final List<Class<?>> SUBCOMMANDS = List.of(Serve.class, Init.class, AccountCommands.class, UserCommands.class, KeyCommands.class,
            MfaCommands.class, CredentialCommands.class, Audit.class, Db.class, MasterKey.class, AutoComplete.GenerateCompletion.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Runs the HTTP server (the embedded default unless a MariaDB is configured).",
            footerHeading = "%nExamples:%n", footer = {"  gatekey serve", "  gatekey serve -Dmicronaut.server.port=9090"})
    static final class Serve extends OperatorCommand {
        @Unmatched
        String[] serverArgs = new String[0];

        @Override
        void run() {
            environment.serve(serverArgs);
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates the first account and its admin key. The secret is printed once, here.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey init --name \"Example Corp\"", "  gatekey init -o json"})
    static final class Init extends OperatorCommand {
        @Option(names = "--name", description = "Account name (default: ${DEFAULT-VALUE}).", defaultValue = "Default")
        String name;

        @Mixin
        Output output;

        @Override
        void run() {
            if (!useCases().listAccounts().list(operator).isEmpty()) {
                throw new CliRefusal("already initialised; use 'gatekey accounts create' for another account");
            }
            var created = useCases().createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName(name)));
            output.one(out(), Output.row("accountId", created.account().id().value(), "name", created.account().name().value(),
                    "accessKeyId", created.adminKey().id().value(), "secretKey", created.adminKey().secret().reveal()));
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Shows recent audit events, newest first.",
            subcommands = {AuditTrail.Verify.class, AuditTrail.Export.class},
            footerHeading = "%nExamples:%n", footer = {"  gatekey audit --type MFA_CHECK_FAILED --since 2026-01-01T00:00:00Z",
            "  gatekey audit --user alice -o json", "  gatekey audit verify", "  gatekey audit export --since 2026-01-01T00:00:00Z > audit.jsonl"})
    static final class Audit extends OperatorCommand {
        @Option(names = "--account", description = "Only this account's events.")
        String account;
        @Option(names = "--user", paramLabel = "USER", description = "Only events about this user (its id, or its login id): its keys, devices and credentials.")
        String user;
        @Option(names = "--subject", description = "Only events whose subject (an id or serial number) contains this text.")
        String subject;
        @Option(names = "--type", description = "Only events of this type: ${COMPLETION-CANDIDATES}.")
        AuditEventType type;
        @Option(names = "--since", description = "Only events at or after this ISO 8601 time.")
        String since;
        @Option(names = "--limit", description = "At most this many events (default: ${DEFAULT-VALUE}).", defaultValue = "50")
        int limit;
        @Mixin
        Output output;

        @Override
        void run() {
            Optional<Instant> from = time("--since", since);
            var events = useCases().listAuditEvents().list(new ListAuditEventsUseCase.Query(operator,
                    Optional.ofNullable(account).map(AccountId::new), Optional.ofNullable(user).map(named -> userId(account, named)), Optional.ofNullable(subject),
                    Optional.ofNullable(type), from, limit));
            output.many(out(), events.stream().map(Records::audit).toList(), Records.AUDIT_COLUMNS);
        }
    }

    @Command(name = "db", mixinStandardHelpOptions = true, description = "Database upkeep.", subcommands = {Db.Migrate.class, Db.Backup.class, Db.Restore.class})
    static final class Db {
        @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Creates or upgrades the schema (the server also does so at start).",
                footerHeading = "%nExamples:%n", footer = "  gatekey db migrate")
        static final class Migrate extends OperatorCommand {
            @Override
            void run() {
                int applied = environment.maintenance().migrate();
                say(applied == 0 ? "The schema is up to date." : "Applied " + applied + " migration(s).");
            }
        }

        @Command(name = "backup", mixinStandardHelpOptions = true,
                description = {"Writes a backup of the embedded database to FILE, a new file only its owner may read: one consistent "
                        + "snapshot, taken while the server runs, sealed under the master key.",
                        "'gatekey db restore' restores it only where that master key is held, and only unaltered: keep the master key "
                        + "file apart from the backups. A MariaDB is backed up with its own tools (mariadb-backup, mariadb-dump)."},
                footerHeading = "%nExamples:%n", footer = "  gatekey db backup /var/backups/gatekey-$(date +%%F).sql.gz")
        static final class Backup extends OperatorCommand {
            @Parameters(paramLabel = "FILE", description = "The backup to write: a new file (an existing one is never overwritten).")
            Path file;
            @Mixin
            Output output;

            @Override
            void run() {
                output.one(out(), row(environment.maintenance().backup(file)));
            }
        }

        @Command(name = "restore", mixinStandardHelpOptions = true,
                description = {"Puts the database a backup holds in the embedded database's place, once the backup's seal and stored "
                        + "secrets open with this installation's master key. The database it replaces is kept beside it "
                        + "(gatekey-before-restore-TIME.mv.db).",
                        "Stop the server first: a restore refuses, and changes nothing, while anything holds the database."},
                footerHeading = "%nExamples:%n", footer = "  gatekey db restore /var/backups/gatekey-2026-12-07.sql.gz")
        static final class Restore extends OperatorCommand {
            @Parameters(paramLabel = "FILE", description = "A backup 'gatekey db backup' wrote.")
            Path file;
            @Mixin
            Output output;

            @Override
            void run() {
                CliEnvironment.Maintenance.Restore restored = environment.maintenance().restore(file);
                Map<String, Object> row = row(restored.backup());
                row.put("replacedKeptAs", restored.replaced().map(Path::toString).orElse(null));
                output.one(out(), row);
            }
        }

        private static Map<String, Object> row(CliEnvironment.Maintenance.Backup backup) {
            return Output.row("file", backup.file().toString(), "schemaVersion", backup.schemaVersion(), "takenAt", backup.takenAt(),
                    "tables", backup.tables(), "rows", backup.rows());
        }
    }

    @Command(name = "master-key", mixinStandardHelpOptions = true, description = "Master key upkeep.", subcommands = {MasterKey.Rotate.class, MasterKey.Reseal.class})
    static final class MasterKey {
        @Command(name = "rotate", mixinStandardHelpOptions = true,
                description = {"Adds a new master key version to the key file, makes it active and re-seals every stored secret.",
                        "Running nodes that read the same key file take the new version when they first meet it; nodes given their keys "
                        + "otherwise (GATEKEY_MASTER_KEY) must be given it before they can read re-sealed rows.",
                        "remainingRows counts secrets still under an older version, sealed meanwhile by a node that had not read the new one "
                        + "yet; 'gatekey master-key reseal' re-seals them. The old version can go once remainingRows is 0."},
                footerHeading = "%nExamples:%n", footer = "  gatekey master-key rotate")
        static final class Rotate extends OperatorCommand {
            @Mixin
            Output output;

            @Override
            void run() {
                CliEnvironment.Maintenance.Rotation rotation = environment.maintenance().rotateMasterKey();
                output.one(out(), Output.row("activeVersion", rotation.newVersion(), "resealedRows", rotation.resealedRows(),
                        "remainingRows", rotation.remainingRows()));
            }
        }

        @Command(name = "reseal", mixinStandardHelpOptions = true,
                description = {"Re-seals every stored secret still under another master key version than the active one, batch by batch, "
                        + "while the service runs.",
                        "Run it once every node has the new version active; the old version can go once remainingRows is 0."},
                footerHeading = "%nExamples:%n", footer = "  GATEKEY_MASTER_KEY=1:...,2:... gatekey master-key reseal")
        static final class Reseal extends OperatorCommand {
            @Mixin
            Output output;

            @Override
            void run() {
                CliEnvironment.Maintenance.Reseal reseal = environment.maintenance().reseal();
                output.one(out(), Output.row("activeVersion", reseal.activeVersion(), "resealedRows", reseal.resealedRows(),
                        "remainingRows", reseal.remainingRows()));
            }
        }
    }
}
