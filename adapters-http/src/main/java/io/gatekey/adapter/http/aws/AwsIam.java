package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.QrCodePng;
import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.GetAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.account.GetAccountUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * IAM's actions over the AWS door ({@code Version=2010-05-08}): users (Gatekey sub accounts, {@code UserName} their
 * login id), their access keys, and their virtual MFA devices. An account's admin key acts as the account's root: its
 * access-key actions without a UserName are on the admin's own keys, as IAM's root manages its own, except that only
 * the operator makes a new one.
 * A virtual device belongs to a user from its creation: created with a user's own key it is that user's; created
 * with the admin key it is the device of the user named like it ({@code VirtualMFADeviceName} = {@code UserName}).
 */
@Singleton
final class AwsIam {

    static final String VERSION = "2010-05-08";
    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String ROOT_PATH = "/";
    /** IAM's patterns of a path and a path prefix, as its API reference gives them. */
    private static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    private static final Pattern PATH_PREFIX = Pattern.compile("\\u002F[\\u0021-\\u007F]*");

    private final AwsIamUseCases useCases;

    AwsIam(AwsIamUseCases useCases) {
        this.useCases = useCases;
    }

    static boolean handles(String action) {
        return switch (action) {
            case "CreateUser", "GetUser", "ListUsers", "DeleteUser", "CreateAccessKey", "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey",
                    "GetAccessKeyLastUsed",
                    "CreateVirtualMFADevice", "EnableMFADevice", "ResyncMFADevice", "DeactivateMFADevice", "DeleteVirtualMFADevice",
                    "ListMFADevices", "ListVirtualMFADevices" -> true;
            default -> false;
        };
    }

    HttpResponse<?> answer(Principal caller, String action, Map<String, String> parameters) {
        AccountId account = caller.account().orElseThrow(() -> new AccessDeniedException("the caller belongs to no account"));
        return switch (action) {
            case "CreateUser" -> {
                keptAsGiven(parameters, "user");
                SubAccount user = useCases.createUser().create(new CreateSubAccountUseCase.Command(caller, account,
                        new SubAccountName(required(parameters, "UserName"))));
                yield AwsXml.result(action, NAMESPACE, "<User>" + user(account, user) + "</User>");
            }
            case "GetUser" -> {
                if (isRoot(caller, parameters)) {
                    // IAM's root: the account's id and ARN, no path or user name.
                    Account root = useCases.getAccount().get(new GetAccountUseCase.Query(caller, account));
                    yield AwsXml.result(action, NAMESPACE, "<User>" + AwsXml.element("UserId", account.value())
                            + AwsXml.element("Arn", "arn:aws:iam::" + account.value() + ":root") + AwsXml.element("CreateDate", Iso8601.seconds(root.createdAt()))
                            + "</User>");
                }
                yield AwsXml.result(action, NAMESPACE, "<User>" + user(account, named(caller, account, parameters)) + "</User>");
            }
            case "ListUsers" -> {
                // Every user is at the path /, which only the prefix / begins.
                boolean underPrefix = pathPrefix(parameters).equals(ROOT_PATH);
                List<SubAccount> users = underPrefix ? useCases.listUsers().list(new ListSubAccountsUseCase.Query(caller, account)) : List.of();
                AwsPage<SubAccount> page = AwsPage.of(parameters, users, user -> user.name().value());
                StringBuilder members = new StringBuilder();
                page.items().forEach(user -> members.append("<member>").append(user(account, user)).append("</member>"));
                yield AwsXml.result(action, NAMESPACE, "<Users>" + members + "</Users>" + page.end());
            }
            case "DeleteUser" -> {
                // As IAM: a user goes once its keys and its MFA device have gone, where Gatekey's own doors take them along.
                SubAccount user = user(caller, account, required(parameters, "UserName"));
                if (!keysOf(caller, KeyHolder.of(account, user)).isEmpty()) {
                    throw new DoorRefusal(AwsErrors.conflict("DeleteConflict", "Cannot delete entity, must delete access keys first."));
                }
                if (devices(caller, account, Optional.of(user)).stream().anyMatch(MfaDevice::isEnabled)) {
                    throw new DoorRefusal(AwsErrors.conflict("DeleteConflict", "Cannot delete entity, must delete MFA device first."));
                }
                useCases.deleteUser().delete(new DeleteSubAccountUseCase.Command(caller, user.id()));
                yield AwsXml.empty(action, NAMESPACE);
            }
            case "CreateAccessKey" -> {
                KeyHolder holder = keyHolder(caller, account, parameters);
                // IAM's quota counts inactive keys too, besides Gatekey's own rule of two active keys.
                AccessKey key = useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(caller, holder.owner(), CreateAccessKeyUseCase.Quota.ALL_KEYS));
                yield AwsXml.result(action, NAMESPACE, "<AccessKey>" + holder.userNameElement()
                        + AwsXml.element("AccessKeyId", key.id().value()) + AwsXml.element("Status", "Active")
                        + AwsXml.element("SecretAccessKey", key.secret().reveal()) + AwsXml.element("CreateDate", Iso8601.seconds(key.createdAt()))
                        + "</AccessKey>");
            }
            case "ListAccessKeys" -> {
                KeyHolder holder = keyHolder(caller, account, parameters);
                AwsPage<AccessKey> page = AwsPage.of(parameters, keysOf(caller, holder), key -> key.id().value());
                StringBuilder members = new StringBuilder();
                page.items().forEach(key -> members.append("<member>").append(holder.userNameElement())
                                .append(AwsXml.element("AccessKeyId", key.id().value())).append(AwsXml.element("Status", key.active() ? "Active" : "Inactive"))
                                .append(AwsXml.element("CreateDate", Iso8601.seconds(key.createdAt()))).append("</member>"));
                yield AwsXml.result(action, NAMESPACE, "<AccessKeyMetadata>" + members + "</AccessKeyMetadata>" + page.end());
            }
            case "UpdateAccessKey" -> {
                AccessKeyId key = ownKey(caller, account, parameters);
                switch (required(parameters, "Status")) {
                    case "Active" -> useCases.activateAccessKey().activate(new ActivateAccessKeyUseCase.Command(caller, key));
                    case "Inactive" -> useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(caller, key));
                    default -> throw new DoorRefusal(AwsErrors.validation("1 validation error detected: Value at 'status' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [Active, Inactive]"));
                }
                yield AwsXml.empty(action, NAMESPACE);
            }
            case "GetAccessKeyLastUsed" -> {
                AccessKey key = useCases.getAccessKey().get(new GetAccessKeyUseCase.Query(caller, new AccessKeyId(required(parameters, "AccessKeyId"))));
                KeyHolder holder = new KeyHolder(key.owner(), key.owner().subAccountId()
                        .map(user -> useCases.getUser().get(new GetSubAccountUseCase.Command(caller, user))));
                // When (to the minute), and the service and region the request was signed for: N/A where there is no
                // record of them (a key not used yet, a use through a door whose signature names no region), as IAM says.
                Optional<KeyUse.Where> where = key.lastUsedWith();
                yield AwsXml.result(action, NAMESPACE, holder.userNameElement() + "<AccessKeyLastUsed>"
                        + key.lastUsedAt().map(at -> AwsXml.element("LastUsedDate", Iso8601.seconds(at))).orElse("")
                        + AwsXml.element("ServiceName", where.map(KeyUse.Where::service).orElse("N/A"))
                        + AwsXml.element("Region", where.flatMap(KeyUse.Where::region).orElse("N/A")) + "</AccessKeyLastUsed>");
            }
            case "DeleteAccessKey" -> {
                useCases.deleteAccessKey().delete(new DeleteAccessKeyUseCase.Command(caller, ownKey(caller, account, parameters)));
                yield AwsXml.empty(action, NAMESPACE);
            }
            case "CreateVirtualMFADevice" -> createDevice(caller, account, parameters);
            case "EnableMFADevice", "ResyncMFADevice" -> {
                SubAccount user = user(caller, account, required(parameters, "UserName"));
                MfaSerialNumber serial = AwsQueryController.serialNumber(required(parameters, "SerialNumber"));
                String first = required(parameters, "AuthenticationCode1");
                String second = required(parameters, "AuthenticationCode2");
                MfaCheck check = action.equals("EnableMFADevice")
                        ? useCases.enableDevice().enable(new EnableMfaDeviceUseCase.Command(caller, user.id(), serial, first, second))
                        : useCases.resyncDevice().resync(new ResyncMfaDeviceUseCase.Command(caller, user.id(), serial, first, second));
                if (check instanceof MfaCheck.Rejected) {
                    throw new DoorRefusal(AwsErrors.sender(HttpStatus.FORBIDDEN, "InvalidAuthenticationCode", "Authentication code for device is not valid."));
                }
                yield AwsXml.empty(action, NAMESPACE);
            }
            case "DeactivateMFADevice" -> {
                SubAccount user = user(caller, account, required(parameters, "UserName"));
                useCases.disableDevice().disable(new DisableMfaDeviceUseCase.Command(caller, user.id(),
                        AwsQueryController.serialNumber(required(parameters, "SerialNumber"))));
                yield AwsXml.empty(action, NAMESPACE);
            }
            case "DeleteVirtualMFADevice" -> {
                MfaSerialNumber serial = AwsQueryController.serialNumber(required(parameters, "SerialNumber"));
                MfaDevice device = devices(caller, account, Optional.empty()).stream().filter(d -> d.serialNumber().equals(serial)).findFirst()
                        .orElseThrow(() -> new DoorRefusal(noSuchEntity("VirtualMFADevice with serial number " + required(parameters, "SerialNumber")
                                + " doesn't exist.")));
                useCases.deleteDevice().delete(new DeleteMfaDeviceUseCase.Command(caller, device.subAccountId(), serial));
                yield AwsXml.empty(action, NAMESPACE);
            }
            case "ListMFADevices" -> {
                if (isRoot(caller, parameters)) {
                    // The root's own devices: Gatekey's devices are its users', so the account's admin has none.
                    yield AwsXml.result(action, NAMESPACE, "<MFADevices></MFADevices>" + AwsPage.of(parameters, List.of(), device -> "").end());
                }
                SubAccount user = named(caller, account, parameters);
                AwsPage<MfaDevice> page = AwsPage.of(parameters, devices(caller, account, Optional.of(user)).stream().filter(MfaDevice::isEnabled).toList(),
                        device -> device.serialNumber().value());
                StringBuilder members = new StringBuilder();
                page.items().forEach(device -> members.append("<member>")
                        .append(AwsXml.element("UserName", user.name().value())).append(AwsXml.element("SerialNumber", arn(device.serialNumber())))
                        .append(AwsXml.element("EnableDate", Iso8601.seconds(device.enabledAt().orElse(device.createdAt())))).append("</member>"));
                yield AwsXml.result(action, NAMESPACE, "<MFADevices>" + members + "</MFADevices>" + page.end());
            }
            case "ListVirtualMFADevices" -> {
                // A device is assigned (AWS lists it with its user) from its enabling; before that, and once deactivated, it is not.
                Predicate<MfaDevice> wanted = switch (parameters.getOrDefault("AssignmentStatus", "Any")) {
                    case "Assigned" -> MfaDevice::isEnabled;
                    case "Unassigned" -> device -> !device.isEnabled();
                    case "Any" -> device -> true;
                    default -> throw new DoorRefusal(AwsErrors.invalidValue("assignmentStatus", parameters.get("AssignmentStatus"),
                            "Member must satisfy enum value set: [Unassigned, Assigned, Any]"));
                };
                AwsPage<MfaDevice> page = AwsPage.of(parameters, devices(caller, account, Optional.empty()).stream().filter(wanted).toList(),
                        device -> device.serialNumber().value());
                StringBuilder members = new StringBuilder();
                for (MfaDevice device : page.items()) {
                    members.append("<member>").append(AwsXml.element("SerialNumber", arn(device.serialNumber())));
                    if (device.isEnabled()) {
                        SubAccount user = useCases.getUser().get(new GetSubAccountUseCase.Command(caller, device.subAccountId()));
                        members.append("<User>").append(user(account, user)).append("</User>")
                                .append(AwsXml.element("EnableDate", Iso8601.seconds(device.enabledAt().orElse(device.createdAt()))));
                    }
                    members.append("</member>");
                }
                yield AwsXml.result(action, NAMESPACE, "<VirtualMFADevices>" + members + "</VirtualMFADevices>" + page.end());
            }
            default -> throw new IllegalArgumentException(action);
        };
    }

    private HttpResponse<?> createDevice(Principal caller, AccountId account, Map<String, String> parameters) {
        keptAsGiven(parameters, "virtual MFA device");
        String name = required(parameters, "VirtualMFADeviceName");
        SubAccount user = caller instanceof Principal.SubAccountUser ? self(caller) : findUser(caller, account, name)
                .orElseThrow(() -> new DoorRefusal(AwsErrors.validation("A virtual MFA device belongs to a user here: create it with the user's "
                        + "own key, or name it after its user (VirtualMFADeviceName = UserName).")));
        var created = useCases.createDevice().create(new CreateMfaDeviceUseCase.Command(caller, user.id(), new MfaDeviceName(name)));
        // AWS sends both as Base64 blobs: the Base32 seed's ASCII text, and the PNG of the otpauth URI.
        String seed = Base64.getEncoder().encodeToString(created.base32Seed().getBytes(StandardCharsets.US_ASCII));
        String png = Base64.getEncoder().encodeToString(QrCodePng.of(created.otpauthUri()));
        return AwsXml.result("CreateVirtualMFADevice", NAMESPACE, "<VirtualMFADevice>" + AwsXml.element("SerialNumber", arn(created.device().serialNumber()))
                + AwsXml.element("Base32StringSeed", seed) + AwsXml.element("QRCodePNG", png) + "</VirtualMFADevice>");
    }

    private List<MfaDevice> devices(Principal caller, AccountId account, Optional<SubAccount> user) {
        List<MfaDevice> all = new ArrayList<>();
        Optional<MfaSerialNumber> marker = Optional.empty();
        do {
            ListMfaDevicesUseCase.Page page = useCases.listDevices().list(new ListMfaDevicesUseCase.Query(caller, account,
                    user.map(SubAccount::id), marker, ListMfaDevicesUseCase.MAX_LIMIT));
            all.addAll(page.devices());
            marker = page.nextMarker();
        } while (marker.isPresent());
        return all;
    }

    /** AWS's name of a device: {@code arn:aws:iam::{account}:mfa/{name}}. */
    static String arn(MfaSerialNumber serial) {
        return "arn:aws:iam::" + serial.accountId().value() + ":mfa/" + serial.value().substring(serial.value().lastIndexOf(':') + 1);
    }

    private static String user(AccountId account, SubAccount user) {
        return AwsXml.element("Path", ROOT_PATH) + AwsXml.element("UserName", user.name().value()) + AwsXml.element("UserId", user.id().value())
                + AwsXml.element("Arn", "arn:aws:iam::" + account.value() + ":user/" + user.name().value())
                + AwsXml.element("CreateDate", Iso8601.seconds(user.createdAt()))
                // The user's last console sign-in, as IAM tells a password's last use.
                + user.lastLoginAt().map(at -> AwsXml.element("PasswordLastUsed", Iso8601.seconds(at))).orElse("");
    }

    private SubAccount self(Principal caller) {
        if (!(caller instanceof Principal.SubAccountUser user)) {
            throw new DoorRefusal(AwsErrors.validation("Must specify userName when calling with non-User credentials"));
        }
        return useCases.getUser().get(new GetSubAccountUseCase.Command(caller, user.subAccountId()));
    }

    /** The user named by UserName, or without it the caller itself. */
    private SubAccount named(Principal caller, AccountId account, Map<String, String> parameters) {
        return parameters.containsKey("UserName") ? user(caller, account, parameters.get("UserName")) : self(caller);
    }

    private SubAccount user(Principal caller, AccountId account, String name) {
        return findUser(caller, account, name).orElseThrow(() -> new DoorRefusal(noSuchEntity("The user with name " + name + " cannot be found.")));
    }

    private Optional<SubAccount> findUser(Principal caller, AccountId account, String name) {
        if (caller instanceof Principal.SubAccountUser) {
            SubAccount self = self(caller);
            return self.name().value().equals(name) ? Optional.of(self) : Optional.empty();
        }
        return SubAccountName.parse(name).flatMap(loginId -> useCases.findUser().find(new FindSubAccountByNameUseCase.Query(caller, account, loginId)));
    }

    /**
     * Whether an action without a UserName is the root's own: signed with the account admin's key (always a long-term
     * one; IAM wants the UserName from temporary credentials), whose keys IAM lets its root list and manage.
     */
    private static boolean isRoot(Principal caller, Map<String, String> parameters) {
        return !parameters.containsKey("UserName") && caller instanceof Principal.AccountAdmin;
    }

    private KeyHolder keyHolder(Principal caller, AccountId account, Map<String, String> parameters) {
        return isRoot(caller, parameters) ? new KeyHolder(KeyOwner.admin(account), Optional.empty()) : KeyHolder.of(account, named(caller, account, parameters));
    }

    /** Whose keys an action names: a user, or the root (the account's admin), whose keys IAM lists with no user name. */
    private record KeyHolder(KeyOwner owner, Optional<SubAccount> user) {

        static KeyHolder of(AccountId account, SubAccount user) {
            return new KeyHolder(KeyOwner.subAccount(account, user.id()), Optional.of(user));
        }

        String userNameElement() {
            return user.map(named -> AwsXml.element("UserName", named.name().value())).orElse("");
        }
    }

    private AccessKeyId ownKey(Principal caller, AccountId account, Map<String, String> parameters) {
        KeyHolder holder = keyHolder(caller, account, parameters);
        String id = required(parameters, "AccessKeyId");
        return keysOf(caller, holder).stream()
                .map(AccessKey::id).filter(key -> key.value().equals(id)).findFirst()
                .orElseThrow(() -> new DoorRefusal(noSuchEntity("The Access Key with id " + id + " cannot be found.")));
    }

    /**
     * Refuses, before anything is created, what AWS would keep on a new user or device and Gatekey cannot: a path
     * other than /, tags, a permissions boundary. Dropping them quietly would leave the caller believing they hold.
     */
    private static void keptAsGiven(Map<String, String> parameters, String what) {
        String path = parameters.get("Path");
        if (path != null && !PATH.matcher(path).matches()) {
            throw new DoorRefusal(AwsErrors.invalidValue("path", path, "Member must satisfy regular expression pattern: " + PATH.pattern()));
        }
        if (path != null && !path.equals(ROOT_PATH)) {
            throw new DoorRefusal(AwsErrors.validation("Gatekey keeps every " + what + " at the path /: leave Path out, or give /."));
        }
        if (parameters.keySet().stream().anyMatch(name -> name.startsWith("Tags."))) {
            throw new DoorRefusal(AwsErrors.validation("Gatekey keeps no tags: leave Tags out."));
        }
        if (parameters.containsKey("PermissionsBoundary")) {
            throw new DoorRefusal(AwsErrors.validation("Gatekey has no permissions boundaries: leave PermissionsBoundary out."));
        }
    }

    /** ListUsers' PathPrefix, / when not given. */
    private static String pathPrefix(Map<String, String> parameters) {
        String prefix = parameters.getOrDefault("PathPrefix", ROOT_PATH);
        if (!PATH_PREFIX.matcher(prefix).matches()) {
            throw new DoorRefusal(AwsErrors.invalidValue("pathPrefix", prefix, "Member must satisfy regular expression pattern: " + PATH_PREFIX.pattern()));
        }
        return prefix;
    }

    /** The holder's access keys, active and inactive. */
    private List<AccessKey> keysOf(Principal caller, KeyHolder holder) {
        return useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(caller, holder.owner()));
    }

    static HttpResponse<?> noSuchEntity(String message) {
        return AwsErrors.sender(HttpStatus.NOT_FOUND, "NoSuchEntity", message);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new DoorRefusal(AwsErrors.validation("1 validation error detected: Value null at '" + Character.toLowerCase(name.charAt(0))
                    + name.substring(1) + "' failed to satisfy constraint: Member must not be null"));
        }
        return value;
    }
}
