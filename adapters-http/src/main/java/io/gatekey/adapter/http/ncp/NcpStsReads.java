package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.application.port.in.credential.DescribeCallerCredentialUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.domain.signature.Authentication;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/credentials}: the caller's key, described. A long-term key whose signature this node can
 * check from memory (its key and owner read within the key cache's lifetime) is answered on the network thread;
 * anything else (a key not read lately, a temporary key, whose description carries its secret and is therefore
 * accepted once) goes to the blocking pool and storage.
 */
@Controller
final class NcpStsReads {

    private static final String EXPIRED = "Invalid or expired access key/STS";

    private final NcpSignatureV2 signature;
    private final DescribeCallerCredentialUseCase describe;
    private final ExecutorService blocking;

    NcpStsReads(NcpSignatureV2 signature, DescribeCallerCredentialUseCase describe, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.signature = signature;
        this.describe = describe;
        this.blocking = blocking;
    }

    @Get(uris = {"/api/v1/credentials", "/credentials"}, produces = MediaType.APPLICATION_JSON)
    CompletionStage<HttpResponse<?>> describe(HttpRequest<?> request) {
        if (!temporaryKey(request)) {
            Optional<HttpResponse<?>> fromMemory = signature.verdictFromMemory(request).flatMap(verdict -> {
                Principal caller = accepted(verdict);
                return describe.describeFromMemory(caller).map(longTerm -> HttpResponse.ok(longTermBody(longTerm.key())));
            });
            if (fromMemory.isPresent()) {
                return CompletableFuture.completedFuture(fromMemory.get());
            }
        }
        Supplier<HttpResponse<?>> fromStorage = () -> described(request);
        return CompletableFuture.supplyAsync(PropagatedContext.wrapCurrent(fromStorage), blocking);
    }

    private HttpResponse<?> described(HttpRequest<?> request) {
        Principal caller = accepted(signature.verdict(request, temporaryKey(request)));
        DescribeCallerCredentialUseCase.CallerCredential described;
        try {
            described = describe.describe(caller);
        } catch (NotFoundException e) {
            throw new DoorRefusal(NcpErrors.sts(HttpStatus.NOT_FOUND, EXPIRED, null));
        }
        if (described instanceof DescribeCallerCredentialUseCase.Temporary temporary) {
            return HttpResponse.ok(NcpStsController.credentialBody(temporary.credential()));
        }
        return HttpResponse.ok(longTermBody(((DescribeCallerCredentialUseCase.LongTerm) described).key()));
    }

    /** The caller, or the refusal NCP words for this route: a key that expired or was revoked is "not found". */
    private static Principal accepted(Authentication verdict) {
        if (verdict instanceof Authentication.Refused refused) {
            boolean gone = refused.reason() == Authentication.Reason.EXPIRED || refused.reason() == Authentication.Reason.REVOKED;
            throw new DoorRefusal(gone ? NcpErrors.sts(HttpStatus.NOT_FOUND, EXPIRED, null) : NcpErrors.authenticationFailed());
        }
        return ((Authentication.Authenticated) verdict).principal();
    }

    private static Map<String, Object> longTermBody(AccessKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessKey", key.id().value());
        body.put("createTime", Iso8601.seconds(key.createdAt()));
        body.put("useMfa", false);
        return body;
    }

    private static boolean temporaryKey(HttpRequest<?> request) {
        String key = request.getHeaders().get(NcpSignatureV2.ACCESS_KEY);
        return key != null && key.startsWith(AccessKeyId.TEMPORARY_PREFIX);
    }
}
