package io.gatekey.adapter.http.tencent;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.SignedCaller;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tencent's legacy v2 API: {@code GetSessionToken} with an MFA code, by GET query or POST form. */
@Controller("/v2/index.php")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TencentStsController {

    private final TencentSignatureV2 signature;
    private final IssueTemporaryCredentialsUseCase issue;

    TencentStsController(TencentSignatureV2 signature, IssueTemporaryCredentialsUseCase issue) {
        this.signature = signature;
        this.issue = issue;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> get(HttpRequest<?> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> parameters.putIfAbsent(name, values.isEmpty() ? "" : values.get(0)));
        return dispatch(request, parameters);
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> post(HttpRequest<?> request, @Nullable @Body Map<String, Object> form) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((name, value) -> parameters.put(name, text(value)));
        }
        return dispatch(request, parameters);
    }

    private HttpResponse<?> dispatch(HttpRequest<?> request, Map<String, String> received) {
        Map<String, String> parameters = TencentSignatureV2.signable(received, request.getMethodName());
        String action = parameters.get("Action");
        if (action == null || action.isEmpty()) {
            return TencentErrors.invalid("Action is required");
        }
        if (!action.equals("GetSessionToken")) {
            return TencentErrors.failure(TencentErrors.UNSUPPORTED_ACTION, "UnsupportedAction", "unsupported action: " + action);
        }
        return getSessionToken(signature.signedOnce(request, parameters), parameters);
    }

    private HttpResponse<?> getSessionToken(SignedCaller signed, Map<String, String> parameters) {
        Principal caller = signed.caller();
        String tokenCode = parameters.get("tokenCode");
        if (tokenCode == null || tokenCode.isEmpty()) {
            return TencentErrors.invalid("tokenCode is required");
        }
        MfaDeviceType type = switch (Optional.ofNullable(parameters.get("tokenType")).filter(t -> !t.isEmpty()).orElse("softToken")) {
            case "softToken" -> MfaDeviceType.VIRTUAL;
            case "hardToken" -> MfaDeviceType.HARDWARE;
            default -> throw new DoorRefusal(TencentErrors.invalid("tokenType must be softToken or hardToken"));
        };
        Long duration = null;
        String durationText = parameters.get("durationSeconds");
        if (durationText != null && !durationText.isEmpty()) {
            if (!durationText.matches("[0-9]{1,9}")) {
                return TencentErrors.invalid("durationSeconds must be an integer");
            }
            duration = Long.parseLong(durationText);
        }
        IssueTemporaryCredentialsUseCase.Command command;
        try {
            command = IssueTemporaryCredentialsUseCase.Command.of(caller, Optional.empty(), DurationPolicy.TENCENT, duration,
                    Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.empty(), type, tokenCode))).withNonce(signed.nonce());
        } catch (InvalidValueException e) {
            return TencentErrors.invalid(e.field() + " " + e.rule());
        }
        IssueTemporaryCredentialsUseCase.Result result = issue.issue(command);
        if (result instanceof IssueTemporaryCredentialsUseCase.RequestReplayed) {
            return TencentSignatureV2.replayed();
        }
        if (!(result instanceof IssueTemporaryCredentialsUseCase.Issued issued)) {
            return TencentErrors.mfaFailed();
        }
        TemporaryCredential credential = issued.credential();
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("sessionToken", credential.sessionToken().reveal());
        // The seed document's table names the field token, its example sessionToken: both are sent.
        credentials.put("token", credential.sessionToken().reveal());
        credentials.put("tmpSecretId", credential.accessKeyId().value());
        credentials.put("tmpSecretKey", credential.secret().reveal());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("credentials", credentials);
        data.put("expiredTime", Iso8601.seconds(credential.expiresAt()));
        return TencentErrors.success(data);
    }


    @Error(exception = GatekeyException.class)
    HttpResponse<?> broken(GatekeyException e) {
        if (e instanceof InvalidValueException) {
            return TencentErrors.invalid(e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return TencentErrors.failure(TencentErrors.FORBIDDEN, "Forbidden", e.getMessage());
        }
        return TencentErrors.failure(TencentErrors.FORBIDDEN, "Forbidden", e.getMessage());
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "" : String.valueOf(list.get(0));
        }
        return String.valueOf(value);
    }
}
