package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ImportHardwareTokenUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResetMfaDriftUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.UnlockMfaDeviceUseCase;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.TotpAlgorithm;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.shared.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekey mfa ...}: virtual MFA devices and hardware tokens. */
@Command(name = "mfa", mixinStandardHelpOptions = true, description = "MFA devices: virtual (authenticator apps) and hardware tokens.",
        subcommands = {MfaCommands.Create.class, MfaCommands.Enable.class, MfaCommands.Resync.class, MfaCommands.Disable.class,
                MfaCommands.Delete.class, MfaCommands.ListAll.class, MfaCommands.Unlock.class, MfaCommands.ResetDrift.class,
                MfaCommands.ImportHardware.class})
final class MfaCommands {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a virtual device and prints its seed, otpauth URI and QR code (shown this once).",
            footerHeading = "%nExamples:%n", footer = {"  gatekey mfa create --user alice alice-phone",
            "  gatekey mfa create --user alice alice-phone --qr-png alice.png -o json"})
    static final class Create extends OperatorCommand {
        @Mixin
        UserOption user;
        @Parameters(paramLabel = "NAME", description = "Device name, unique in the account: 1-64 letters, digits, '_', '-'.")
        String name;
        @Option(names = "--qr-png", paramLabel = "FILE", description = "Also write the QR code to this PNG file.")
        Path qrPng;
        @Mixin
        Output output;

        @Override
        void run() {
            SubAccountId holder = user.resolve(this).id();
            CreateMfaDeviceUseCase.CreatedMfaDevice created;
            // The PNG's path is opened first: one that cannot be written refuses before the device exists.
            try (QrCodes.PngFile png = qrPng == null ? null : QrCodes.PngFile.create(qrPng)) {
                created = useCases().createMfaDevice().create(new CreateMfaDeviceUseCase.Command(operator, holder, new MfaDeviceName(name)));
                if (png != null) {
                    png.write(created.otpauthUri());
                }
            }
            output.one(out(), Output.row("serialNumber", created.device().serialNumber().value(), "userId", holder.value(),
                    "base32Seed", created.base32Seed(), "otpauthUri", created.otpauthUri(), "qrPng", qrPng == null ? null : qrPng.toString()));
            if (!output.isJson()) {
                out().println();
                out().print(QrCodes.terminal(created.otpauthUri()));
                say("Scan it, then: gatekey mfa enable --user " + user.user + " " + created.device().serialNumber() + " CODE1 CODE2");
            }
        }
    }

    /** A device of a user, named by its serial number. */
    static class DeviceOfUser {
        @Option(names = "--user", required = true, paramLabel = "USER", description = "The device's user: its id, or its login id.")
        String user;
        @Parameters(index = "0", paramLabel = "SERIAL", description = "The device's serial number, iam::{accountId}:mfa:{name}.")
        String serial;

        MfaSerialNumber serialNumber() {
            return new MfaSerialNumber(serial);
        }

        /** The user, a login id looked up in the device's account. */
        SubAccountId holder(OperatorCommand command) {
            return command.user(serialNumber().accountId().value(), user).id();
        }
    }

    /** A device and two codes of consecutive steps, exactly as the device shows them. */
    static final class DeviceAndCodes extends DeviceOfUser {
        @Parameters(index = "1", paramLabel = "CODE1", description = "A code from the device.")
        String first;
        @Parameters(index = "2", paramLabel = "CODE2", description = "The next code the device shows.")
        String second;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a device with two consecutive codes.",
            footerHeading = "%nExamples:%n", footer = "  gatekey mfa enable --user alice iam::<accountId>:mfa:alice-phone 123456 654321")
    static final class Enable extends OperatorCommand {
        @Mixin
        DeviceAndCodes device;

        @Override
        void run() {
            MfaCheck check = useCases().enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(operator, device.holder(this),
                    device.serialNumber(), device.first, device.second));
            requireAccepted(check, "enabled");
            say("Device " + device.serial + " is enabled.");
        }
    }

    @Command(name = "resync", mixinStandardHelpOptions = true, description = "Re-measures a device's clock drift from two consecutive codes.",
            footerHeading = "%nExamples:%n", footer = "  gatekey mfa resync --user alice iam::<accountId>:mfa:alice-phone 123456 654321")
    static final class Resync extends OperatorCommand {
        @Mixin
        DeviceAndCodes device;

        @Override
        void run() {
            MfaCheck check = useCases().resyncMfaDevice().resync(new ResyncMfaDeviceUseCase.Command(operator, device.holder(this),
                    device.serialNumber(), device.first, device.second));
            requireAccepted(check, "resynchronised");
            say("Device " + device.serial + " resynchronised; drift " + MfaDevice.driftOf((MfaCheck.Accepted) check) + " steps.");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables an enabled device.",
            footerHeading = "%nExamples:%n", footer = "  gatekey mfa disable --user alice iam::<accountId>:mfa:alice-phone")
    static final class Disable extends OperatorCommand {
        @Mixin
        DeviceOfUser device;

        @Override
        void run() {
            useCases().disableMfaDevice().disable(new DisableMfaDeviceUseCase.Command(operator, device.holder(this), device.serialNumber()));
            say("Device " + device.serial + " is disabled.");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a device that is not enabled.",
            footerHeading = "%nExamples:%n", footer = "  gatekey mfa delete --user alice iam::<accountId>:mfa:alice-phone")
    static final class Delete extends OperatorCommand {
        @Mixin
        DeviceOfUser device;

        @Override
        void run() {
            useCases().deleteMfaDevice().delete(new DeleteMfaDeviceUseCase.Command(operator, device.holder(this), device.serialNumber()));
            say("Device " + device.serial + " deleted.");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an account's devices, or one user's.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey mfa list", "  gatekey mfa list --user alice -o json"})
    static final class ListAll extends OperatorCommand {
        @Option(names = "--account", description = "The account (default: the only one, or the user's).")
        String account;
        @Option(names = "--user", paramLabel = "USER", description = "Only this user's devices (its id, or its login id).")
        String user;
        @Mixin
        Output output;

        @Override
        void run() {
            Optional<SubAccount> holder = Optional.ofNullable(user).map(named -> user(account, named));
            Optional<SubAccountId> userId = holder.map(SubAccount::id);
            var accountId = account(account, holder);
            List<Map<String, Object>> rows = new ArrayList<>();
            Optional<MfaSerialNumber> marker = Optional.empty();
            do {
                var page = useCases().listMfaDevices().list(new ListMfaDevicesUseCase.Query(operator, accountId, userId, marker, ListMfaDevicesUseCase.MAX_LIMIT));
                page.devices().forEach(device -> rows.add(Records.device(device)));
                marker = page.nextMarker();
            } while (marker.isPresent());
            output.many(out(), rows, Records.DEVICE_COLUMNS);
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Clears a device's failure count and lock.",
            footerHeading = "%nExamples:%n", footer = "  gatekey mfa unlock iam::<accountId>:mfa:alice-phone")
    static final class Unlock extends OperatorCommand {
        @Parameters(paramLabel = "SERIAL", description = "The device's serial number, iam::{accountId}:mfa:{name}.")
        String serial;

        @Override
        void run() {
            useCases().unlockMfaDevice().unlock(new UnlockMfaDeviceUseCase.Command(operator, new MfaSerialNumber(serial)));
            say("Device " + serial + " is unlocked.");
        }
    }

    @Command(name = "reset-drift", mixinStandardHelpOptions = true, description = "Forgets a device's recorded clock drift.",
            footerHeading = "%nExamples:%n", footer = "  gatekey mfa reset-drift iam::<accountId>:mfa:alice-phone")
    static final class ResetDrift extends OperatorCommand {
        @Parameters(paramLabel = "SERIAL", description = "The device's serial number, iam::{accountId}:mfa:{name}.")
        String serial;

        @Override
        void run() {
            useCases().resetMfaDrift().resetDrift(new ResetMfaDriftUseCase.Command(operator, new MfaSerialNumber(serial)));
            say("Drift of " + serial + " reset.");
        }
    }

    @Command(name = "import-hardware", mixinStandardHelpOptions = true,
            description = {"Registers a hardware TOTP token from the seed its vendor supplied.",
                    "The user then enables it with two consecutive codes read off the token."},
            footerHeading = "%nExamples:%n", footer = {"  gatekey mfa import-hardware --user alice token-0042 --seed JBSWY3DPEHPK3PXP...",
            "  gatekey mfa import-hardware --user alice token-0042 --seed-file seed.txt \\",
            "      --digits 8 --period 60 --algorithm SHA256"})
    static final class ImportHardware extends OperatorCommand {
        @Mixin
        UserOption user;
        @Parameters(paramLabel = "NAME", description = "Device name, unique in the account.")
        String name;
        @Option(names = "--seed", description = "The token's seed, Base32.")
        String seed;
        @Option(names = "--seed-file", paramLabel = "FILE", description = "A file holding the token's Base32 seed (keeps it out of shell history).")
        Path seedFile;
        @Option(names = "--digits", defaultValue = "6", description = "6 or 8 (default: ${DEFAULT-VALUE}).")
        int digits;
        @Option(names = "--period", defaultValue = "30", description = "30 or 60 seconds (default: ${DEFAULT-VALUE}).")
        int period;
        @Option(names = "--algorithm", defaultValue = "SHA1", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        TotpAlgorithm algorithm;
        @Mixin
        Output output;

        @Override
        void run() {
            if ((seed == null) == (seedFile == null)) {
                throw new InvalidValueException("--seed", "give exactly one of --seed and --seed-file");
            }
            String base32;
            try {
                base32 = seed != null ? seed : Files.readString(seedFile).strip();
            } catch (IOException e) {
                throw CliRefusal.cannotRead(seedFile, e);
            }
            MfaDevice device = useCases().importHardwareToken().importToken(new ImportHardwareTokenUseCase.Command(operator,
                    user.resolve(this).id(), new MfaDeviceName(name), TotpSeed.fromBase32(base32), new TotpParameters(algorithm, digits, period)));
            output.one(out(), Records.device(device));
        }
    }

    static void requireAccepted(MfaCheck check, String what) {
        if (check instanceof MfaCheck.Rejected rejected) {
            throw new CliRefusal("the device was not " + what + ": " + describe(rejected.reason()));
        }
    }

    static String describe(MfaCheck.Reason reason) {
        return switch (reason) {
            case MALFORMED -> "a code is not exactly the device's number of digits";
            case INVALID -> "a code is not valid now";
            case NOT_CONSECUTIVE -> "the codes are valid but not consecutive";
            case REPLAYED -> "a code was used already";
            case LOCKED -> "the device is locked after too many failures";
            case NOT_ENABLED -> "the device is not enabled";
            case NO_DEVICE -> "the user has no such enabled device";
        };
    }
}
