package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.JsonFields;
import io.gatekey.adapter.http.SignedCaller;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
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
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** NCP Secure Token Service: {@code POST /api/v1/credentials} creates STS keys ({@link NcpStsReads} answers the {@code GET}). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class NcpStsController {

    private static final String MFA_FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code";

    private final NcpSignatureV2 signature;
    private final JsonFields json;
    private final IssueTemporaryCredentialsUseCase issue;

    NcpStsController(NcpSignatureV2 signature, JsonFields json, IssueTemporaryCredentialsUseCase issue) {
        this.signature = signature;
        this.json = json;
        this.issue = issue;
    }

    @Post(uris = {"/api/v1/credentials", "/credentials"}, consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
        SignedCaller signed = signature.signedOnce(request);
        Principal caller = signed.caller();
        JsonNode fields;
        Long durationSec;
        Optional<String> serial;
        Optional<String> tokenCode;
        try {
            fields = json.object(body);
            durationSec = JsonFields.integer(fields, "durationSec").orElse(null);
            serial = JsonFields.string(fields, "serialNumber");
            tokenCode = tokenCode(fields);
        } catch (JsonFields.BadJson e) {
            throw new DoorRefusal(NcpErrors.sts(HttpStatus.BAD_REQUEST, e.getMessage(), null));
        }
        if (serial.isPresent() != tokenCode.isPresent()) {
            throw new DoorRefusal(NcpErrors.sts(HttpStatus.BAD_REQUEST, "serialNumber and tokenCode must be given together", null));
        }
        IssueTemporaryCredentialsUseCase.Command command;
        try {
            Optional<IssueTemporaryCredentialsUseCase.MfaPresentation> mfa = serial.map(s -> new IssueTemporaryCredentialsUseCase.MfaPresentation(
                    Optional.of(new MfaSerialNumber(s)), MfaDeviceType.VIRTUAL, tokenCode.get()));
            // NCP's answer carries no session token: its STS keys sign alone, and only where no token travels.
            // The signature is used up with the issuance, in its transaction.
            command = IssueTemporaryCredentialsUseCase.Command.of(caller, Optional.empty(), DurationPolicy.NCP, durationSec, mfa).withoutTokenBinding()
                    .withNonce(signed.nonce());
        } catch (InvalidValueException e) {
            if (e.field().equals(DurationPolicy.NCP.field())) {
                throw new DoorRefusal(NcpErrors.sts(HttpStatus.BAD_REQUEST, "durationSec can be used only in the following scope",
                        e.rule() + " : [durationSec]"));
            }
            throw new DoorRefusal(NcpErrors.sts(HttpStatus.BAD_REQUEST, e.getMessage(), null));
        }
        IssueTemporaryCredentialsUseCase.Result result = issue.issue(command);
        if (result instanceof IssueTemporaryCredentialsUseCase.Issued issued) {
            return HttpResponse.ok(credentialBody(issued.credential()));
        }
        if (result instanceof IssueTemporaryCredentialsUseCase.RequestReplayed) {
            return NcpErrors.authenticationFailed();
        }
        return NcpErrors.sts(HttpStatus.UNAUTHORIZED, MFA_FAILED, null);
    }

    @Error(exception = GatekeyException.class)
    HttpResponse<?> broken(GatekeyException e) {
        if (e instanceof AccessDeniedException) {
            return NcpErrors.sts(HttpStatus.FORBIDDEN, e.getMessage(), null);
        }
        if (e instanceof NotFoundException) {
            return NcpErrors.sts(HttpStatus.NOT_FOUND, e.getMessage(), null);
        }
        return NcpErrors.sts(e instanceof InvalidValueException ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, e.getMessage(), null);
    }

    /**
     * The document types tokenCode as an integer; a JSON number cannot carry leading zeros, so it is written with
     * six digits (the length of every virtual device's codes). A string is taken exactly as sent.
     */
    private static Optional<String> tokenCode(JsonNode fields) throws JsonFields.BadJson {
        Optional<JsonNode> raw = JsonFields.raw(fields, "tokenCode");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get().isString()) {
            return Optional.of(raw.get().getStringValue());
        }
        long number = JsonFields.integer(fields, "tokenCode").orElseThrow();
        if (number < 0) {
            throw new JsonFields.BadJson("tokenCode", "tokenCode must be a one-time code of digits");
        }
        return Optional.of(number < 1_000_000 ? String.format("%06d", number) : Long.toString(number));
    }

    static Map<String, Object> credentialBody(TemporaryCredential credential) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessKey", credential.accessKeyId().value());
        body.put("keySecret", credential.secret().reveal());
        body.put("createTime", Iso8601.seconds(credential.createdAt()));
        body.put("expireTime", Iso8601.seconds(credential.expiresAt()));
        body.put("useMfa", credential.mfa().isPresent());
        return body;
    }
}
