package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.Door;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.NotFoundException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NCP's two error shapes. The API gateway (authentication, routing) nests its answer:
 * {@code {"error":{"errorCode":"200","message":"Authentication Failed","details":"..."}}}; the STS service, whose
 * body the documents leave open, is answered in that same nested shape with the documented code as errorCode.
 * The Sub Account service answers flat: {@code {"errorCode": 30, "message": "..."}} with an int code.
 */
@Singleton
final class NcpErrors implements Door {

    /** Sub Account service codes: 30, 904, 9012 (and 9112) are NCP's; the others are this installation's choice. */
    static final int INVALID_PARAMETER = 100;
    static final int NONEXISTENT_ACCOUNT = 30;
    static final int NONEXISTENT_ACCESS_KEY = 904;
    static final int TOO_MANY_ACCESS_KEYS = 9012;
    static final int LOGIN_ALIAS_TAKEN = 9013;
    static final int SUB_ACCOUNT_EXISTS = 9014;
    static final int TOO_MANY_SUB_ACCOUNTS = 9015;
    /** NCP's SSO product's code for a device that does not exist. */
    static final int NONEXISTENT_MFA_DEVICE = 9112;
    static final int PERMISSION_DENIED = 210;

    @Override
    public String name() {
        return "ncp";
    }

    @Override
    public boolean owns(String path) {
        return path.startsWith("/api/v1/") || path.equals("/api/v1") || path.equals("/credentials") || path.startsWith("/credentials/");
    }

    @Override
    public HttpResponse<?> error(CommonError error) {
        return switch (error) {
            case NOT_FOUND -> gateway(HttpStatus.NOT_FOUND, "300", "Not Found Exception", "URL not found.");
            case METHOD_NOT_ALLOWED -> gateway(HttpStatus.METHOD_NOT_ALLOWED, "300", "Not Found Exception", "Method not allowed for this URL.");
            case UNSUPPORTED_MEDIA_TYPE -> gateway(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "100", "Bad Request Exception", "Content-Type must be application/json.");
            case PAYLOAD_TOO_LARGE -> gateway(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "100", "Bad Request Exception", "Request body too large.");
            case HEADERS_TOO_LARGE -> gateway(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "100", "Bad Request Exception", "Request headers too large.");
            case BAD_REQUEST -> gateway(HttpStatus.BAD_REQUEST, "100", "Bad Request Exception", "Malformed request.");
            case UNAVAILABLE -> gateway(HttpStatus.SERVICE_UNAVAILABLE, "503", "Service Unavailable", "The service is temporarily unavailable; retry later.");
            case INTERNAL -> gateway(HttpStatus.INTERNAL_SERVER_ERROR, "500", "Internal Server Error", "The request could not be completed.");
        };
    }

    static HttpResponse<?> authenticationMissing() {
        return gateway(HttpStatus.UNAUTHORIZED, "200", "Authentication Failed", "Authentication information are missing.");
    }

    static HttpResponse<?> authenticationFailed() {
        return gateway(HttpStatus.UNAUTHORIZED, "200", "Authentication Failed", "Invalid authentication information.");
    }

    static HttpResponse<?> gateway(HttpStatus status, String code, String message, String details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", code);
        error.put("message", message);
        if (details != null) {
            error.put("details", details);
        }
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("error", error));
    }

    /** The STS service's errors: the documented status doubles as errorCode. */
    static HttpResponse<?> sts(HttpStatus status, String message, String details) {
        return gateway(status, Integer.toString(status.getCode()), message, details);
    }

    static HttpResponse<?> subAccount(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", code);
        body.put("message", message);
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /** A broken rule or missing thing from a Sub Account route. */
    static HttpResponse<?> subAccount(GatekeyException e) {
        if (e instanceof InvalidValueException invalid) {
            return subAccount(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, invalid.getMessage());
        }
        if (e instanceof NotFoundException missing) {
            // NCP's statuses: a nonexistent (or another account's) sub account is 401 with 30, a nonexistent key 400 with 904.
            return switch (missing.missing()) {
                case ACCOUNT, SUB_ACCOUNT -> subAccount(HttpStatus.UNAUTHORIZED, NONEXISTENT_ACCOUNT, missing.getMessage());
                case ACCESS_KEY -> subAccount(HttpStatus.BAD_REQUEST, NONEXISTENT_ACCESS_KEY, missing.getMessage());
                // Gatekey's own revocation routes: a credential or device of no such user.
                case TEMPORARY_CREDENTIAL -> subAccount(HttpStatus.NOT_FOUND, NONEXISTENT_ACCESS_KEY, missing.getMessage());
                case MFA_DEVICE -> subAccount(HttpStatus.NOT_FOUND, NONEXISTENT_MFA_DEVICE, missing.getMessage());
            };
        }
        if (e instanceof ConflictException conflict) {
            int code = switch (conflict.conflict()) {
                case ACCESS_KEY_LIMIT -> TOO_MANY_ACCESS_KEYS;
                case SUB_ACCOUNT_LIMIT -> TOO_MANY_SUB_ACCOUNTS;
                case LOGIN_ALIAS_TAKEN -> LOGIN_ALIAS_TAKEN;
                default -> SUB_ACCOUNT_EXISTS;
            };
            return subAccount(HttpStatus.CONFLICT, code, conflict.getMessage());
        }
        AccessDeniedException denied = (AccessDeniedException) e;
        return gateway(HttpStatus.UNAUTHORIZED, Integer.toString(PERMISSION_DENIED), "Permission Denied", denied.getMessage());
    }
}
