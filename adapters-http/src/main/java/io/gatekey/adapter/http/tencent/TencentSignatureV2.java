package io.gatekey.adapter.http.tencent;

import io.gatekey.adapter.http.ClientAddresses;
import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.RequestIds;
import io.gatekey.adapter.http.SignedCaller;
import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.RequestNonce;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Tencent's v2 signature: {@code METHOD + host + path + "?" + name=value&...} over every parameter but Signature,
 * sorted by name, each name's '_' written as '.', values as sent (decoded, not re-encoded); Base64 of HMAC-SHA1, or
 * HMAC-SHA256 when SignatureMethod says so. On POST, values starting with '@' (the old file-upload convention) are
 * sent but not signed, as the SDK does.
 */
@Singleton
final class TencentSignatureV2 {

    private static final Pattern NONCE = Pattern.compile("[0-9]{1,20}");

    private final AuthenticateRequestUseCase authenticate;
    private final ClientAddresses clients;

    TencentSignatureV2(AuthenticateRequestUseCase authenticate, ClientAddresses clients) {
        this.authenticate = authenticate;
        this.clients = clients;
    }

    /** Tencent's answer to a request carried out before. */
    static HttpResponse<?> replayed() {
        return refusal(Authentication.Reason.REPLAYED_NONCE);
    }

    /**
     * The caller, or a {@link DoorRefusal} in Tencent's envelope; the request's nonce is left to the use case to
     * record with what it changes (every Tencent action here changes state).
     */
    SignedCaller signedOnce(HttpRequest<?> request, Map<String, String> parameters) {
        String secretId = required(parameters, "SecretId");
        String signature = required(parameters, "Signature");
        String timestamp = required(parameters, "Timestamp");
        String nonce = required(parameters, "Nonce");
        if (!NONCE.matcher(nonce).matches()) {
            throw new DoorRefusal(TencentErrors.invalid("Nonce must be a positive integer"));
        }
        SignatureAlgorithm algorithm = switch (parameters.getOrDefault("SignatureMethod", "HmacSHA1")) {
            case "HmacSHA1" -> SignatureAlgorithm.HMAC_SHA1;
            case "HmacSHA256" -> SignatureAlgorithm.HMAC_SHA256;
            default -> throw new DoorRefusal(TencentErrors.invalid("SignatureMethod must be HmacSHA1 or HmacSHA256"));
        };
        Instant signedAt;
        AccessKeyId keyId;
        byte[] mac;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
            keyId = new AccessKeyId(secretId);
            mac = Base64.getDecoder().decode(signature);
        } catch (NumberFormatException | DateTimeException e) {
            throw new DoorRefusal(TencentErrors.invalid("Timestamp must be Unix seconds"));
        } catch (InvalidValueException e) {
            throw new DoorRefusal(TencentErrors.failure(TencentErrors.SECRET_ID_NOT_FOUND, "SecretIdNotFound", "the SecretId does not exist"));
        } catch (IllegalArgumentException e) {
            throw new DoorRefusal(TencentErrors.failure(TencentErrors.SIGNATURE_FAILED, "AuthFailure", "the signature is not Base64"));
        }
        Optional<String> token = Optional.ofNullable(parameters.get("Token")).filter(t -> !t.isEmpty());
        String signedParameters = signedParameters(parameters, request.getMethodName());
        // The signed Region parameter, as a key's last use tells it.
        KeyUse.Where usedWith = Optional.ofNullable(parameters.get("Region")).filter(region -> !region.isEmpty())
                .map(region -> KeyUse.Where.scoped("tencent", region)).orElse(KeyUse.Where.service("tencent"));
        Authentication verdict = null;
        Optional<RequestNonce> left = Optional.empty();
        for (String host : hosts(request)) {
            String stringToSign = stringToSign(request.getMethodName(), host, request.getUri().getRawPath(), signedParameters);
            SignedRequest signed = new SignedRequest(keyId, signedAt, stringToSign, algorithm, mac, token,
                    SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.TENCENT, Optional.of(nonce)).from(clients.of(request)).usedWith(usedWith);
            AuthenticateRequestUseCase.Deferred judged = authenticate.authenticateDeferringNonce(signed);
            verdict = judged.verdict();
            left = judged.nonce();
            if (!(verdict instanceof Authentication.Refused refused) || refused.reason() != Authentication.Reason.BAD_SIGNATURE) {
                break;
            }
        }
        if (verdict instanceof Authentication.Authenticated authenticated) {
            request.setAttribute(RequestIds.CALLER_KEY, keyId.value());
            return new SignedCaller(authenticated.principal(), left);
        }
        throw new DoorRefusal(refusal(((Authentication.Refused) verdict).reason()));
    }

    /** What the v2 SDK signs: {@code "{METHOD}{host}{path}?{parameters}"}. */
    static String stringToSign(String method, String host, String rawPath, Map<String, String> parameters) {
        return stringToSign(method, host, rawPath, signedParameters(parameters, method));
    }

    private static String stringToSign(String method, String host, String rawPath, String signedParameters) {
        return method + host + rawPath + signedParameters;
    }

    /** "?" then every parameter but Signature, sorted by name as sent, '_' in names written as '.'. */
    static String signedParameters(Map<String, String> parameters, String method) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(signable(parameters, method)).forEach((name, value) -> {
            if (!name.equals("Signature")) {
                pairs.add(name.replace('_', '.') + "=" + value);
            }
        });
        return "?" + String.join("&", pairs);
    }

    /**
     * The parameters a signature can cover: on POST the SDK leaves values starting with '@' (the old file-upload
     * convention) out of what it signs, so the door drops them before anything reads the request.
     */
    static Map<String, String> signable(Map<String, String> parameters, String method) {
        if (!method.equals("POST")) {
            return parameters;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (!value.startsWith("@")) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * The host the client signed: the Host header as sent; without a port in it, also with the default ports, since
     * the SDK signs its configured host, which on port 443 carries a port the Host header does not.
     */
    private static Set<String> hosts(HttpRequest<?> request) {
        Set<String> hosts = new LinkedHashSet<>();
        String host = Optional.ofNullable(request.getHeaders().get("Host")).orElse("");
        hosts.add(host);
        if (!host.isEmpty() && !host.contains(":")) {
            hosts.add(host + ":443");
            hosts.add(host + ":80");
        }
        return hosts;
    }

    private static HttpResponse<?> refusal(Authentication.Reason reason) {
        return switch (reason) {
            case UNKNOWN_KEY -> TencentErrors.failure(TencentErrors.SECRET_ID_NOT_FOUND, "SecretIdNotFound", "the SecretId does not exist");
            case BAD_SIGNATURE -> TencentErrors.failure(TencentErrors.SIGNATURE_FAILED, "AuthFailure", "signature verification failed");
            case CLOCK_SKEW -> TencentErrors.failure(TencentErrors.REPLAY, "RequestReplay", "the Timestamp is outside the allowed window");
            case REPLAYED_NONCE -> TencentErrors.failure(TencentErrors.REPLAY, "RequestReplay", "the Nonce was used already");
            case BAD_SESSION_TOKEN -> TencentErrors.failure(TencentErrors.TOKEN_FAILED, "TokenFailure", "the Token does not match the SecretId");
            case INACTIVE, EXPIRED, REVOKED -> TencentErrors.failure(TencentErrors.UNAUTHORIZED, "Unauthorized",
                    "the SecretId is " + reason.name().toLowerCase(Locale.ROOT));
        };
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new DoorRefusal(TencentErrors.invalid(name + " is required"));
        }
        return value;
    }
}
