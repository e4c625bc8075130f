package io.gatekey.adapter.http.huawei;

import io.gatekey.adapter.http.ClientAddresses;
import io.gatekey.adapter.http.AuthorizationParameters;
import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Sha256Hex;
import io.gatekey.adapter.http.RequestIds;
import io.gatekey.adapter.http.SignedQuery;
import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Huawei's AK/SK signature, {@code SDK-HMAC-SHA256}, as its SDK computes it: a canonical request of the method, the
 * path with every segment encoded and followed by '/', the sorted encoded query, the signed headers (lower-case
 * names, as sent) and the hex SHA-256 of the body; then {@code SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex sha256(canonical
 * request)}}, signed with HMAC-SHA256 under the secret key itself, in hex.
 */
@Singleton
final class HuaweiSignature {

    /** What a key's last use says of a request through this door: the signature names no region. */
    private static final KeyUse.Where USED_WITH = KeyUse.Where.service("huawei");

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final AuthenticateRequestUseCase authenticate;
    private final ClientAddresses clients;

    HuaweiSignature(AuthenticateRequestUseCase authenticate, ClientAddresses clients) {
        this.authenticate = authenticate;
        this.clients = clients;
    }

    /**
     * The caller, or a {@link DoorRefusal} with the gateway's 401 (403 when X-Domain-Id names another account).
     * {@code body} is exactly what the route executes (empty for routes that read none): the signature must cover
     * its hash. A request that changes state (any method but GET) is accepted once: its signature is remembered for
     * the skew window.
     */
    Principal principal(HttpRequest<?> request, byte[] body) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
            throw refused("the Authorization header is missing or not " + ALGORITHM);
        }
        Map<String, String> parts = AuthorizationParameters.parse(authorization.substring(ALGORITHM.length() + 1));
        String access = parts.get("Access");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        String sdkDate = request.getHeaders().get("X-Sdk-Date");
        if (access == null || signedHeaders == null || signature == null || sdkDate == null) {
            throw refused("Access, SignedHeaders, Signature and X-Sdk-Date are required");
        }
        List<String> headerNames = List.of(signedHeaders.split(";"));
        if (!headerNames.contains("host") || !headerNames.contains("x-sdk-date")) {
            throw refused("host and x-sdk-date must be signed");
        }
        Instant signedAt;
        AccessKeyId keyId;
        byte[] mac;
        try {
            signedAt = LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC);
            keyId = new AccessKeyId(access);
            mac = HexFormat.of().parseHex(signature);
        } catch (DateTimeParseException | InvalidValueException | IllegalArgumentException e) {
            throw refused("malformed X-Sdk-Date, Access or Signature");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : headerNames) {
            String value = request.getHeaders().get(name);
            if (value == null) {
                throw refused("the signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(value).append('\n');
        }
        // The hash is always that of the body received: a client's X-Sdk-Content-Sha256 may only repeat it, or a
        // captured signature would carry any other body (UNSIGNED-PAYLOAD is refused for the same reason).
        String payloadHash = Sha256Hex.of(body == null ? new byte[0] : body);
        String claimedHash = request.getHeaders().get("X-Sdk-Content-Sha256");
        if (claimedHash != null && !claimedHash.equalsIgnoreCase(payloadHash)) {
            throw refused("X-Sdk-Content-Sha256 does not match the body");
        }
        URI uri = request.getUri();
        requireOneReading(uri.getRawQuery(), request.getParameters().asMap());
        String stringToSign = stringToSign(request.getMethodName(), uri.getRawPath(), uri.getRawQuery(), canonicalHeaders.toString(), signedHeaders,
                payloadHash, sdkDate);

        boolean changesState = !request.getMethodName().equals("GET");
        Optional<String> once = changesState ? Optional.of("huawei:" + signature.toLowerCase(Locale.ROOT)) : Optional.empty();
        Authentication verdict = authenticate.authenticate(new SignedRequest(keyId, signedAt, stringToSign, SignatureAlgorithm.HMAC_SHA256,
                mac, Optional.ofNullable(request.getHeaders().get("X-Security-Token")), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS,
                ClockSkewPolicy.HUAWEI, once).from(clients.of(request)).usedWith(USED_WITH));
        if (!(verdict instanceof Authentication.Authenticated authenticated)) {
            throw refused(describe(((Authentication.Refused) verdict).reason()));
        }
        request.setAttribute(RequestIds.CALLER_KEY, keyId.value());
        Principal principal = authenticated.principal();
        String domainId = request.getHeaders().get("X-Domain-Id");
        if (domainId != null && !principal.account().map(AccountId::value).orElse("").equals(domainId)) {
            throw new DoorRefusal(HuaweiErrors.answer(HttpStatus.FORBIDDEN, HuaweiErrors.FORBIDDEN, "X-Domain-Id names another account"));
        }
        return principal;
    }

    /** An unknown key and a wrong signature read alike, so the answer does not tell which key ids exist. */
    private static String describe(Authentication.Reason reason) {
        return switch (reason) {
            case UNKNOWN_KEY, BAD_SIGNATURE -> "the signature does not match";
            case REPLAYED_NONCE -> "the request was accepted once already";
            default -> reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * What the SDK signs: {@code "SDK-HMAC-SHA256\n{X-Sdk-Date}\n"} and the hex SHA-256 of the canonical request
     * (method, canonical path, canonical query, the signed headers as {@code name:value\n} lines, their names, the
     * body's hex SHA-256).
     */
    static String stringToSign(String method, String rawPath, String rawQuery, String canonicalHeaders, String signedHeaders,
                                      String payloadHash, String sdkDate) {
        String canonicalRequest = String.join("\n", method, canonicalUri(rawPath), canonicalQuery(rawQuery), canonicalHeaders, signedHeaders,
                payloadHash);
        return ALGORITHM + "\n" + sdkDate + "\n" + Sha256Hex.of(canonicalRequest);
    }

    /** Each segment decoded, then encoded as the SDK encodes, each followed by '/'; the root stays "/". */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder canonical = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            // A '+' in a path is a plus; in a query, a space.
            canonical.append(encode(decode(segment.replace("+", "%2B")))).append('/');
        }
        return canonical.toString();
    }

    /**
     * Refuses a query that the route, whose parameters Micronaut binds, would read otherwise than the canonical query
     * below signs it: a name given twice (sorted together when signed, the first one bound), a ';' (a separator to
     * Micronaut, part of a value here), a charset other than UTF-8, more parameters than Micronaut binds. Huawei's SDKs
     * send none of these; a request that has one is not read one way and signed another.
     */
    static void requireOneReading(String rawQuery, Map<String, List<String>> bound) {
        Map<String, List<String>> signed;
        try {
            signed = SignedQuery.parameters(rawQuery);
        } catch (IllegalArgumentException e) {
            throw refused("malformed percent-encoding in the URL");
        }
        signed.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new DoorRefusal(HuaweiErrors.invalid("The query gives " + name + " more than once."));
            }
        });
        if (!signed.equals(bound)) {
            throw new DoorRefusal(HuaweiErrors.invalid("The query must be sent as Huawei's SDKs encode it: UTF-8, each parameter once, "
                    + "'&' between them and every other reserved character percent-encoded."));
        }
    }

    /** Parameters sorted by name, names and values encoded as the SDK encodes; values of one name keep their order. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            sorted.computeIfAbsent(encode(decode(name)), k -> new ArrayList<>()).add(encode(decode(value)));
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    /** URL encoding with %20 for spaces, %2A for '*' and a bare '~', as Huawei's SignUtils writes it. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("malformed percent-encoding in the URL");
        }
    }

    private static DoorRefusal refused(String detail) {
        return new DoorRefusal(HuaweiErrors.authentication(detail));
    }
}
