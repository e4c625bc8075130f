package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.JsonFields;
import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.GetLoginAliasUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** NCP Sub Account: the account's login alias, its sub accounts and their access keys, for the account's admin. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class NcpSubAccountController {

    private final NcpSignatureV2 signature;
    private final JsonFields json;
    private final NcpSubAccountUseCases useCases;

    NcpSubAccountController(NcpSignatureV2 signature, JsonFields json, NcpSubAccountUseCases useCases) {
        this.signature = signature;
        this.json = json;
        this.useCases = useCases;
    }

    @Put(uri = "/login-alias", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> setLoginAlias(HttpRequest<?> request, @Nullable @Body String body) {
        Principal caller = signature.principal(request);
        JsonNode fields = parse(body);
        LoginAlias alias = new LoginAlias(NcpSubAccountFields.requiredString(fields, "loginAlias"));
        useCases.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(caller, accountOf(caller), alias));
        return HttpResponse.ok(Map.of("success", true));
    }

    @Get(uri = "/login-alias", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> getLoginAlias(HttpRequest<?> request) {
        Principal caller = signature.principal(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loginAlias", useCases.getLoginAlias().getLoginAlias(new GetLoginAliasUseCase.Query(caller, accountOf(caller)))
                .map(LoginAlias::value).orElse(null));
        return HttpResponse.ok(body);
    }

    @Get(uri = "/sub-accounts{?page,size,searchColumn,searchWord}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> listSubAccounts(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                    @Nullable @QueryValue String searchColumn, @Nullable @QueryValue String searchWord) {
        Principal caller = signature.principal(request);
        int pageNumber = boundedInt("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = boundedInt("size", size, 10, 1, 1000);
        List<SubAccount> all = useCases.listSubAccounts().list(new ListSubAccountsUseCase.Query(caller, accountOf(caller))).stream()
                .filter(user -> matches(user, searchColumn, searchWord))
                .toList();
        int totalPages = (all.size() + pageSize - 1) / pageSize;
        List<Map<String, Object>> items = all.stream().skip((long) pageNumber * pageSize).limit(pageSize).map(NcpSubAccountFields::body).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", pageNumber);
        body.put("totalPages", totalPages);
        body.put("totalItems", all.size());
        body.put("hasPrevious", pageNumber > 0);
        body.put("hasNext", pageNumber + 1 < totalPages);
        body.put("items", items);
        body.put("isFirst", pageNumber == 0);
        body.put("isLast", pageNumber + 1 >= totalPages);
        return HttpResponse.ok(body);
    }

    @Post(uri = "/sub-accounts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> createSubAccount(HttpRequest<?> request, @Nullable @Body String body) {
        Principal caller = signature.principal(request);
        JsonNode fields = parse(body);
        SubAccountName loginId = new SubAccountName(NcpSubAccountFields.requiredString(fields, "loginId"));
        SubAccountProfile profile = NcpSubAccountFields.newProfile(fields);
        NcpSubAccountFields.requireSourcesWhenLimited(profile);
        Optional<ConsolePassword> password = NcpSubAccountFields.password(fields, profile.canConsoleAccess());
        SubAccount created = useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(caller, accountOf(caller), loginId, profile, password));
        Map<String, Object> answer = NcpSubAccountFields.body(created);
        if (NcpSubAccountFields.generated(fields)) {
            answer.put("generatedPassword", password.orElseThrow().reveal());
        }
        return HttpResponse.ok(answer);
    }

    @Get(uri = "/sub-accounts/{subAccountId}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> getSubAccount(HttpRequest<?> request, @PathVariable String subAccountId) {
        Principal caller = signature.principal(request);
        return HttpResponse.ok(NcpSubAccountFields.body(subAccount(caller, subAccountId)));
    }

    /** {@code name} is required, {@code active} and the other create fields are optional and keep their values when absent. */
    @Put(uri = "/sub-accounts/{subAccountId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> updateSubAccount(HttpRequest<?> request, @PathVariable String subAccountId, @Nullable @Body String body) {
        Principal caller = signature.principal(request);
        JsonNode fields = parse(body);
        SubAccount current = subAccount(caller, subAccountId);
        SubAccountProfile profile = NcpSubAccountFields.changedProfile(current.profile(), fields);
        NcpSubAccountFields.requireSourcesWhenLimited(profile);
        SubAccount updated = useCases.updateSubAccount().update(new UpdateSubAccountUseCase.Command(caller, current.id(), profile,
                NcpSubAccountFields.optionalBool(fields, "active")));
        return HttpResponse.ok(NcpSubAccountFields.body(updated));
    }

    /** Sets the console password (given, or generated and answered once). */
    @Put(uri = "/sub-accounts/{subAccountId}/password", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> setPassword(HttpRequest<?> request, @PathVariable String subAccountId, @Nullable @Body String body) {
        Principal caller = signature.principal(request);
        JsonNode fields = parse(body);
        SubAccount user = subAccount(caller, subAccountId);
        ConsolePassword password = NcpSubAccountFields.password(fields, true).orElseThrow();
        boolean reset = NcpSubAccountFields.optionalBool(fields, "needPasswordReset").orElse(user.profile().needPasswordReset());
        useCases.setSubAccountPassword().setPassword(new SetSubAccountPasswordUseCase.Command(caller, user.id(), password, reset));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("generatedPassword", NcpSubAccountFields.generated(fields) ? password.reveal() : null);
        return HttpResponse.ok(answer);
    }

    private SubAccount subAccount(Principal caller, String subAccountId) {
        return useCases.getSubAccount().get(new GetSubAccountUseCase.Command(caller, new SubAccountId(subAccountId)));
    }

    @Delete(uri = "/sub-accounts/{subAccountId}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> deleteSubAccount(HttpRequest<?> request, @PathVariable String subAccountId) {
        Principal caller = signature.principal(request);
        useCases.deleteSubAccount().delete(new DeleteSubAccountUseCase.Command(caller, new SubAccountId(subAccountId)));
        return HttpResponse.ok(Map.of("success", true));
    }

    @Post(uri = "/sub-accounts/{subAccountId}/access-keys", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
    HttpResponse<?> createAccessKey(HttpRequest<?> request, @PathVariable String subAccountId) {
        Principal caller = signature.principal(request);
        AccessKey key = useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(caller, ownerOf(caller, subAccountId)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessKey", key.id().value());
        body.put("keySecret", key.secret().reveal());
        body.put("createTime", Iso8601.seconds(key.createdAt()));
        return HttpResponse.ok(body);
    }

    @Get(uri = "/sub-accounts/{subAccountId}/access-keys", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> listAccessKeys(HttpRequest<?> request, @PathVariable String subAccountId) {
        Principal caller = signature.principal(request);
        List<Map<String, Object>> items = useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(caller, ownerOf(caller, subAccountId)))
                .stream().map(NcpSubAccountController::accessKeyBody).toList();
        return HttpResponse.ok(Map.of("totalItems", items.size(), "items", items));
    }

    @Put(uri = "/sub-accounts/{subAccountId}/access-keys", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> switchAccessKey(HttpRequest<?> request, @PathVariable String subAccountId, @Nullable @Body String body) {
        Principal caller = signature.principal(request);
        JsonNode fields = parse(body);
        AccessKeyId keyId = new AccessKeyId(NcpSubAccountFields.requiredString(fields, "accessKey"));
        boolean active = NcpSubAccountFields.requiredBool(fields, "active");
        KeyOwner owner = ownerOf(caller, subAccountId);
        requireOwnKey(caller, owner, keyId);
        if (active) {
            useCases.activateAccessKey().activate(new ActivateAccessKeyUseCase.Command(caller, keyId));
        } else {
            useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(caller, keyId));
        }
        return HttpResponse.ok(Map.of("success", true));
    }

    /** Removes one of the user's keys, named in the body ({@code {"accessKey"}}), as NCP's deletekey does. */
    @Delete(uri = "/sub-accounts/{subAccountId}/access-keys", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> deleteAccessKey(HttpRequest<?> request, @PathVariable String subAccountId, @Nullable @Body String body) {
        Principal caller = signature.principal(request);
        AccessKeyId keyId = new AccessKeyId(NcpSubAccountFields.requiredString(parse(body), "accessKey"));
        requireOwnKey(caller, ownerOf(caller, subAccountId), keyId);
        useCases.deleteAccessKey().delete(new DeleteAccessKeyUseCase.Command(caller, keyId));
        return HttpResponse.ok(Map.of("success", true));
    }

    /** A key of another user (or none) is refused as NCP refuses a nonexistent key: 400, code 904. */
    private void requireOwnKey(Principal caller, KeyOwner owner, AccessKeyId keyId) {
        boolean owned = useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(caller, owner)).stream().anyMatch(key -> key.id().equals(keyId));
        if (!owned) {
            throw new DoorRefusal(NcpErrors.subAccount(HttpStatus.BAD_REQUEST, NcpErrors.NONEXISTENT_ACCESS_KEY, "access key not found: " + keyId));
        }
    }


    /** The user's unexpired temporary credentials (revoked ones included), without their secrets. */
    @Get(uri = "/sub-accounts/{subAccountId}/credentials", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> listCredentials(HttpRequest<?> request, @PathVariable String subAccountId) {
        Principal caller = signature.principal(request);
        List<Map<String, Object>> items = credentialsOf(caller, subAccountId).stream().map(credential -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("accessKey", credential.accessKeyId().value());
            item.put("createTime", Iso8601.seconds(credential.createdAt()));
            item.put("expireTime", Iso8601.seconds(credential.expiresAt()));
            item.put("useMfa", credential.mfa().isPresent());
            item.put("serialNumber", credential.mfa().map(p -> p.serialNumber().value()).orElse(null));
            item.put("mintedBy", credential.origin().map(o -> o.mintedBy().value()).orElse(null));
            item.put("revoked", credential.revoked());
            return item;
        }).toList();
        return HttpResponse.ok(Map.of("totalItems", items.size(), "items", items));
    }

    /**
     * Revokes the user's temporary credentials: all of them, or with {@code serialNumber} all minted with an MFA check
     * by that device; what they minted in turn goes with them.
     */
    @Delete(uri = "/sub-accounts/{subAccountId}/credentials{?serialNumber}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> revokeCredentials(HttpRequest<?> request, @PathVariable String subAccountId, @Nullable @QueryValue String serialNumber) {
        Principal caller = signature.principal(request);
        SubAccountId user = new SubAccountId(subAccountId);
        RevokeTemporaryCredentialsUseCase.Scope scope = serialNumber == null || serialNumber.isEmpty()
                ? new RevokeTemporaryCredentialsUseCase.AllOfSubAccount(user)
                : new RevokeTemporaryCredentialsUseCase.AllFromDevice(ownDevice(caller, user, new MfaSerialNumber(serialNumber)));
        return revoked(useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(caller, scope)));
    }

    /** Revokes one temporary credential of the user, and what it minted. */
    @Delete(uri = "/sub-accounts/{subAccountId}/credentials/{accessKey}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> revokeCredential(HttpRequest<?> request, @PathVariable String subAccountId, @PathVariable String accessKey) {
        Principal caller = signature.principal(request);
        AccessKeyId id = new AccessKeyId(accessKey);
        boolean ownedByThatUser = credentialsOf(caller, subAccountId).stream().anyMatch(credential -> credential.accessKeyId().equals(id));
        if (!ownedByThatUser) {
            throw new DoorRefusal(NcpErrors.subAccount(HttpStatus.NOT_FOUND, NcpErrors.NONEXISTENT_ACCESS_KEY, "temporary credential not found: " + id));
        }
        return revoked(useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(caller,
                new RevokeTemporaryCredentialsUseCase.One(id))));
    }

    private List<TemporaryCredential> credentialsOf(Principal caller, String subAccountId) {
        return useCases.listTemporaryCredentials().list(new ListTemporaryCredentialsUseCase.Query(caller, new SubAccountId(subAccountId)));
    }

    /** A device of another user is reported as missing, like one that does not exist. */
    private static MfaSerialNumber ownDevice(Principal caller, SubAccountId user, MfaSerialNumber serial) {
        if (!caller.account().map(account -> serial.accountId().equals(account)).orElse(false)) {
            throw new NotFoundException(NotFoundException.Missing.MFA_DEVICE, serial.value());
        }
        return serial;
    }

    private static HttpResponse<?> revoked(int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("revokedCount", count);
        return HttpResponse.ok(body);
    }

    @Error(exception = GatekeyException.class)
    HttpResponse<?> broken(GatekeyException e) {
        return NcpErrors.subAccount(e);
    }

    private JsonNode parse(String body) {
        try {
            return json.object(body);
        } catch (JsonFields.BadJson e) {
            throw new DoorRefusal(NcpErrors.subAccount(HttpStatus.BAD_REQUEST, NcpErrors.INVALID_PARAMETER, e.getMessage()));
        }
    }

    private static int boundedInt(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new InvalidValueException(field, "an integer from " + min + " to " + max);
        }
        return Integer.parseInt(value);
    }

    /** NCP's search: {@code searchColumn} is loginId (the default), name or subAccountNo (exact). */
    private static boolean matches(SubAccount user, String column, String word) {
        if (word == null || word.isEmpty()) {
            return true;
        }
        return switch (column == null || column.isEmpty() ? "loginId" : column) {
            case "loginId" -> user.name().value().contains(word);
            case "name" -> user.profile().name().contains(word);
            case "subAccountNo" -> Long.toString(user.number()).equals(word);
            default -> throw new InvalidValueException("searchColumn", "loginId, name or subAccountNo");
        };
    }

    private static AccountId accountOf(Principal caller) {
        return caller.account().orElseThrow(() -> new AccessDeniedException("the caller belongs to no account"));
    }

    private static KeyOwner ownerOf(Principal caller, String subAccountId) {
        return KeyOwner.subAccount(accountOf(caller), new SubAccountId(subAccountId));
    }

    private static Map<String, Object> accessKeyBody(AccessKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessKey", key.id().value());
        body.put("active", key.active());
        body.put("createTime", Iso8601.seconds(key.createdAt()));
        body.put("lastUsedTime", key.lastUsedAt().map(Iso8601::seconds).orElse(null));
        return body;
    }
}
