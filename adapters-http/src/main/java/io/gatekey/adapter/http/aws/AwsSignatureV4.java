package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.ClientAddresses;
import io.gatekey.adapter.http.AuthorizationParameters;
import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.RequestIds;
import io.gatekey.adapter.http.Sha256Hex;
import io.gatekey.adapter.http.SignedCaller;
import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import java.util.function.Function;

/**
 * AWS Signature Version 4, {@code Authorization: AWS4-HMAC-SHA256 Credential={key}/{date}/{region}/{service}/aws4_request,
 * SignedHeaders=..., Signature=hex}, as AWS specifies it: the canonical request (method, path, the query's
 * parameters sorted and encoded, the signed headers trimmed, their names, the body's hex SHA-256), then the string
 * to sign with the credential scope, under a key derived for that scope. Any region; the service must be the one
 * the action belongs to. X-Amz-Date within 5 minutes; X-Amz-Security-Token for temporary credentials.
 * The presigned form carries the same parts in the query ({@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature},
 * {@code X-Amz-Security-Token}); it is good until it expires, and at most 5 minutes.
 */
@Singleton
final class AwsSignatureV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    /** The longest X-Amz-Expires AWS allows a presigned request (seven days; here the 5-minute skew ends it sooner). */
    static final long MAX_EXPIRES = 604_800;

    private final AuthenticateRequestUseCase authenticate;
    private final ClientAddresses clients;
    private final Clock clock;

    AwsSignatureV4(AuthenticateRequestUseCase authenticate, ClientAddresses clients, Clock clock) {
        this.authenticate = authenticate;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * The caller of a request for {@code service}, or a {@link DoorRefusal} with AWS's error. {@code body} is what
     * the action reads; {@code once}: the action changes state, so its signature is accepted once.
     */
    Principal principal(HttpRequest<?> request, byte[] body, String service, boolean once) {
        return authenticated(request, body, service, once, false).caller();
    }

    /** The caller of a state-changing request, its signature left to the use case to use up with what it changes. */
    SignedCaller signedOnce(HttpRequest<?> request, byte[] body, String service) {
        return authenticated(request, body, service, true, true);
    }

    /** AWS's answer to a request carried out before. */
    static HttpResponse<?> replayed() {
        return refusal(Authentication.Reason.REPLAYED_NONCE, "");
    }

    private SignedCaller authenticated(HttpRequest<?> request, byte[] body, String service, boolean once, boolean deferNonce) {
        String authorization = request.getHeaders().get("Authorization");
        String rawQuery = request.getUri().getRawQuery();
        Map<String, String> query = AwsQueryController.query(rawQuery);
        boolean presigned = (authorization == null || authorization.isBlank()) && query.containsKey("X-Amz-Algorithm");
        String credential;
        String signedHeaders;
        String signature;
        String amzDate;
        Optional<String> token;
        if (presigned) {
            // The query form: every part of the signature in the query, X-Amz-Signature left out of what is signed.
            if (!ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
                throw incomplete("X-Amz-Algorithm must be " + ALGORITHM + ".");
            }
            credential = query.get("X-Amz-Credential");
            signedHeaders = query.get("X-Amz-SignedHeaders");
            signature = query.get("X-Amz-Signature");
            amzDate = query.get("X-Amz-Date");
            token = Optional.ofNullable(query.get("X-Amz-Security-Token"));
            if (credential == null || signedHeaders == null || signature == null || amzDate == null || query.get("X-Amz-Expires") == null) {
                throw incomplete("A presigned request requires X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature.");
            }
            requireUnexpired(amzDate, query.get("X-Amz-Expires"));
        } else {
            if (authorization == null || authorization.isBlank()) {
                throw new DoorRefusal(AwsErrors.sender(HttpStatus.FORBIDDEN, "MissingAuthenticationToken", "Request is missing Authentication Token"));
            }
            if (!authorization.startsWith(ALGORITHM + " ")) {
                throw incomplete("Authorization header requires the " + ALGORITHM + " algorithm.");
            }
            Map<String, String> parts = AuthorizationParameters.parse(authorization.substring(ALGORITHM.length() + 1));
            credential = parts.get("Credential");
            signedHeaders = parts.get("SignedHeaders");
            signature = parts.get("Signature");
            amzDate = request.getHeaders().get("X-Amz-Date");
            token = Optional.ofNullable(request.getHeaders().get("X-Amz-Security-Token"));
            if (credential == null || signedHeaders == null || signature == null) {
                throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
            }
            if (amzDate == null) {
                throw incomplete("Authorization header requires existence of the 'X-Amz-Date' header.");
            }
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !scope[4].equals("aws4_request") || !amzDate.startsWith(scope[1])) {
            throw incomplete("Credential should be scoped to a valid date, region and service: " + credential);
        }
        if (!scope[3].equals(service)) {
            throw incomplete("Credential should be scoped to correct service: '" + service + "'.");
        }
        List<String> headerNames = List.of(signedHeaders.split(";"));
        if (!headerNames.contains("host") || (!presigned && !headerNames.contains("x-amz-date"))) {
            throw incomplete("SignedHeaders must include host" + (presigned ? "." : " and x-amz-date."));
        }
        Instant signedAt;
        AccessKeyId keyId;
        byte[] mac;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
            keyId = new AccessKeyId(scope[0]);
            mac = HexFormat.of().parseHex(signature);
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'.");
        } catch (InvalidValueException e) {
            throw new DoorRefusal(AwsErrors.sender(HttpStatus.FORBIDDEN, "InvalidClientTokenId", "The security token included in the request is invalid."));
        } catch (IllegalArgumentException e) {
            throw new DoorRefusal(signatureMismatch());
        }
        for (String name : headerNames) {
            if (request.getHeaders().getAll(name).isEmpty()) {
                throw incomplete("The signed header " + name + " is missing.");
            }
        }
        // Always the hash of the body received: a client's X-Amz-Content-Sha256 may only repeat it.
        String payloadHash = Sha256Hex.of(body == null ? new byte[0] : body);
        String claimed = request.getHeaders().get("X-Amz-Content-Sha256");
        if (claimed != null && !claimed.equalsIgnoreCase(payloadHash)) {
            throw new DoorRefusal(AwsErrors.sender(HttpStatus.BAD_REQUEST, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed."));
        }
        String signedQuery = presigned ? withoutSignature(rawQuery) : rawQuery;
        String canonicalRequest = canonicalRequest(request.getMethodName(), request.getUri().getRawPath(), signedQuery,
                name -> request.getHeaders().getAll(name), signedHeaders, payloadHash);
        String stringToSign = stringToSign(amzDate, String.join("/", scope[1], scope[2], scope[3], scope[4]), canonicalRequest);
        Optional<String> nonce = once ? Optional.of("aws:" + signature.toLowerCase(Locale.ROOT)) : Optional.empty();
        SignedRequest signed = new SignedRequest(keyId, signedAt, stringToSign, SignatureAlgorithm.AWS4_HMAC_SHA256, mac,
                token, SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.AWS, nonce).from(clients.of(request))
                .usedWith(KeyUse.Where.scoped(scope[3], scope[2]));
        AuthenticateRequestUseCase.Deferred judged = deferNonce ? authenticate.authenticateDeferringNonce(signed)
                : new AuthenticateRequestUseCase.Deferred(authenticate.authenticate(signed), Optional.empty());
        Authentication verdict = judged.verdict();
        if (verdict instanceof Authentication.Authenticated authenticated) {
            request.setAttribute(RequestIds.CALLER_KEY, keyId.value());
            return new SignedCaller(authenticated.principal(), judged.nonce());
        }
        throw new DoorRefusal(refusal(((Authentication.Refused) verdict).reason(), amzDate));
    }

    /**
     * The canonical request: method, path, canonical query, each signed header as {@code name:values} (values trimmed,
     * inner runs of spaces made one, several values joined by commas in the order sent), the signed header names,
     * and the payload's hex SHA-256.
     */
    static String canonicalRequest(String method, String rawPath, String rawQuery, Function<String, List<String>> headerValues,
                                   String signedHeaders, String payloadHash) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> trimmed = new ArrayList<>();
            headerValues.apply(name).forEach(value -> trimmed.add(value.strip().replaceAll(" +", " ")));
            canonicalHeaders.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return String.join("\n", method, canonicalUri(rawPath), canonicalQuery(rawQuery), canonicalHeaders.toString(), signedHeaders, payloadHash);
    }

    /** A presigned request is good from its X-Amz-Date for X-Amz-Expires seconds (1 to seven days), and within the 5-minute skew. */
    private void requireUnexpired(String amzDate, String expires) {
        if (!expires.matches("[0-9]{1,7}") || Long.parseLong(expires) < 1 || Long.parseLong(expires) > MAX_EXPIRES) {
            throw new DoorRefusal(AwsErrors.sender(HttpStatus.BAD_REQUEST, "AuthorizationQueryParametersError",
                    "X-Amz-Expires must be a number of seconds from 1 to " + MAX_EXPIRES + "."));
        }
        try {
            Instant signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
            if (clock.instant().isAfter(signedAt.plusSeconds(Long.parseLong(expires)))) {
                throw new DoorRefusal(AwsErrors.sender(HttpStatus.FORBIDDEN, "AccessDenied", "Request has expired"));
            }
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    /** The raw query without its X-Amz-Signature, which a presigned request's signature cannot cover. */
    static String withoutSignature(String rawQuery) {
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.startsWith("X-Amz-Signature=")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    /** {@code AWS4-HMAC-SHA256\n{X-Amz-Date}\n{scope}\n{hex sha256(canonical request)}}. */
    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + Sha256Hex.of(canonicalRequest);
    }

    static String canonicalUri(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    }

    /**
     * Every parameter decoded as the door reads it ('+' a space, as AWS reads it too), then encoded as AWS encodes
     * (RFC 3986 unreserved characters kept), sorted by name and value: "+" and "%20" sign alike and are read alike,
     * "%2B" is a plus to both.
     */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                pairs.add(new String[] {encode(AwsQueryController.decode(equals < 0 ? pair : pair.substring(0, equals))),
                        encode(AwsQueryController.decode(equals < 0 ? "" : pair.substring(equals + 1)))});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        pairs.forEach(p -> joined.add(p[0] + "=" + p[1]));
        return String.join("&", joined);
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static DoorRefusal incomplete(String message) {
        return new DoorRefusal(AwsErrors.sender(HttpStatus.BAD_REQUEST, "IncompleteSignature", message));
    }

    private static io.micronaut.http.HttpResponse<?> signatureMismatch() {
        return AwsErrors.sender(HttpStatus.FORBIDDEN, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you"
                + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    private static io.micronaut.http.HttpResponse<?> refusal(Authentication.Reason reason, String amzDate) {
        return switch (reason) {
            case BAD_SIGNATURE -> signatureMismatch();
            case UNKNOWN_KEY, INACTIVE, REVOKED, BAD_SESSION_TOKEN -> AwsErrors.sender(HttpStatus.FORBIDDEN, "InvalidClientTokenId",
                    "The security token included in the request is invalid.");
            case EXPIRED -> AwsErrors.sender(HttpStatus.FORBIDDEN, "ExpiredToken", "The security token included in the request is expired");
            case CLOCK_SKEW -> AwsErrors.sender(HttpStatus.FORBIDDEN, "SignatureDoesNotMatch",
                    "Signature expired: " + amzDate + " is outside the 5 minutes around the server's time.");
            case REPLAYED_NONCE -> AwsErrors.sender(HttpStatus.FORBIDDEN, "SignatureDoesNotMatch", "The request signature was used already.");
        };
    }
}
