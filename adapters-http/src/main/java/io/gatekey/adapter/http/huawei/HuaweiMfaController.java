package io.gatekey.adapter.http.huawei;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.JsonFields;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.NotFoundException;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

/**
 * Huawei IAM v5 virtual MFA devices: create, enable with two codes, disable, delete, list. Another account's user
 * answers 404 like a missing one, so a caller cannot probe which user ids exist elsewhere.
 */
@Controller("/v5")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HuaweiMfaController {

    private static final byte[] NO_BODY = new byte[0];

    private final HuaweiSignature signature;
    private final JsonFields json;
    private final CreateMfaDeviceUseCase create;
    private final EnableMfaDeviceUseCase enable;
    private final DisableMfaDeviceUseCase disable;
    private final DeleteMfaDeviceUseCase delete;
    private final ListMfaDevicesUseCase list;

    HuaweiMfaController(HuaweiSignature signature, JsonFields json, CreateMfaDeviceUseCase create, EnableMfaDeviceUseCase enable,
                        DisableMfaDeviceUseCase disable, DeleteMfaDeviceUseCase delete, ListMfaDevicesUseCase list) {
        this.signature = signature;
        this.json = json;
        this.create = create;
        this.enable = enable;
        this.disable = disable;
        this.delete = delete;
        this.list = list;
    }

    @Post(uri = "/virtual-mfa-devices", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> createDevice(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Principal caller = signature.principal(request, body);
        JsonNode fields = parse(body);
        MfaDeviceName name = new MfaDeviceName(requiredString(fields, "virtual_mfa_device_name"));
        SubAccountId user = userId(requiredString(fields, "user_id"));
        var created = create.create(new CreateMfaDeviceUseCase.Command(caller, user, name));
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("serial_number", created.device().serialNumber().value());
        device.put("base32_string_seed", created.base32Seed());
        return HttpResponse.status(HttpStatus.CREATED).body(Map.of("virtual_mfa_device", device));
    }

    @Post(uri = "/mfa-devices/enable", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> enableDevice(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Principal caller = signature.principal(request, body);
        JsonNode fields = parse(body);
        SubAccountId user = userId(requiredString(fields, "user_id"));
        MfaSerialNumber serial = serial(requiredString(fields, "serial_number"));
        String first = code(fields, "authentication_code_first");
        String second = code(fields, "authentication_code_second");
        MfaCheck check = enable.enable(new EnableMfaDeviceUseCase.Command(caller, user, serial, first, second));
        if (check instanceof MfaCheck.Rejected rejected) {
            return HuaweiErrors.answer(HttpStatus.BAD_REQUEST, HuaweiErrors.WRONG_CODES, "The authentication codes are incorrect: "
                    + rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return HttpResponse.ok();
    }

    @Post(uri = "/mfa-devices/disable", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> disableDevice(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Principal caller = signature.principal(request, body);
        JsonNode fields = parse(body);
        SubAccountId user = userId(requiredString(fields, "user_id"));
        MfaSerialNumber serial = serial(requiredString(fields, "serial_number"));
        disable.disable(new DisableMfaDeviceUseCase.Command(caller, user, serial));
        return HttpResponse.ok();
    }

    @Delete(uri = "/virtual-mfa-devices{?user_id,serial_number}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> deleteDevice(HttpRequest<?> request, @Nullable @QueryValue("user_id") String userId,
                                 @Nullable @QueryValue("serial_number") String serialNumber) {
        Principal caller = signature.principal(request, NO_BODY);
        SubAccountId user = userId(required("user_id", userId));
        MfaSerialNumber serial = serial(required("serial_number", serialNumber));
        delete.delete(new DeleteMfaDeviceUseCase.Command(caller, user, serial));
        return HttpResponse.noContent();
    }

    @Get(uri = "/mfa-devices{?user_id,limit,marker}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> listDevices(HttpRequest<?> request, @Nullable @QueryValue("user_id") String userId,
                                @Nullable @QueryValue("limit") String limit, @Nullable @QueryValue("marker") String marker) {
        Principal caller = signature.principal(request, NO_BODY);
        Optional<SubAccountId> user = Optional.ofNullable(userId).map(HuaweiMfaController::userId);
        int size = limit == null ? ListMfaDevicesUseCase.DEFAULT_LIMIT : limit(limit);
        Optional<MfaSerialNumber> after = Optional.ofNullable(marker).map(HuaweiMfaController::serial);
        AccountId account = caller.account().orElseThrow(() -> new AccessDeniedException("the caller belongs to no account"));
        ListMfaDevicesUseCase.Page page = list.list(new ListMfaDevicesUseCase.Query(caller, account, user, after, size));
        List<Map<String, Object>> devices = page.devices().stream().map(device -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("serial_number", device.serialNumber().value());
            item.put("user_id", device.subAccountId().value());
            item.put("enabled", device.isEnabled());
            return item;
        }).toList();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        // The last page leaves next_marker out (Huawei's SDKs read it as omitempty), it does not send null.
        page.nextMarker().ifPresent(next -> pageInfo.put("next_marker", next.value()));
        pageInfo.put("current_count", devices.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mfa_devices", devices);
        body.put("page_info", pageInfo);
        return HttpResponse.ok(body);
    }


    @Error(exception = GatekeyException.class)
    HttpResponse<?> broken(GatekeyException e) {
        if (e instanceof InvalidValueException) {
            return HuaweiErrors.invalid(e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return HuaweiErrors.answer(HttpStatus.NOT_FOUND, HuaweiErrors.NOT_FOUND, e.getMessage());
        }
        if (e instanceof ConflictException) {
            return HuaweiErrors.answer(HttpStatus.CONFLICT, HuaweiErrors.CONFLICT, e.getMessage());
        }
        return HuaweiErrors.answer(HttpStatus.FORBIDDEN, HuaweiErrors.FORBIDDEN, e.getMessage());
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.object(body == null ? null : new String(body, StandardCharsets.UTF_8));
        } catch (JsonFields.BadJson e) {
            throw new DoorRefusal(HuaweiErrors.invalid(e.getMessage()));
        }
    }

    /** An enabling code: at most 12 characters, as Huawei's pages bound it. */
    private static String code(JsonNode fields, String field) {
        String code = requiredString(fields, field);
        if (code.length() > 12) {
            throw new InvalidValueException(field, "at most 12 characters");
        }
        return code;
    }

    private static String requiredString(JsonNode fields, String field) {
        try {
            return required(field, JsonFields.string(fields, field).orElse(null));
        } catch (JsonFields.BadJson e) {
            throw new InvalidValueException(field, "must be a string");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(field, "required");
        }
        return value;
    }

    private static SubAccountId userId(String value) {
        try {
            return new SubAccountId(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("user_id", "1-64 letters, digits, '_' or '-'");
        }
    }

    private static MfaSerialNumber serial(String value) {
        try {
            return new MfaSerialNumber(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("serial_number", "iam::{domain_id}:mfa:{name}");
        }
    }

    private static int limit(String value) {
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > ListMfaDevicesUseCase.MAX_LIMIT) {
            throw new InvalidValueException("limit", "an integer from 1 to " + ListMfaDevicesUseCase.MAX_LIMIT);
        }
        return Integer.parseInt(value);
    }
}
