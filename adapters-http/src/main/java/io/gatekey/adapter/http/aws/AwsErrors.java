package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.Door;
import io.gatekey.adapter.http.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/**
 * AWS's Query-protocol error answers, {@code ErrorResponse/Error/{Type, Code, Message}} and {@code RequestId},
 * with AWS's codes and statuses, as text/xml. The door owns {@code /}, where AWS's STS and IAM endpoints answer.
 */
@Singleton
final class AwsErrors implements Door {

    static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String NAMESPACE_ATTRIBUTE = "gatekey.aws.namespace";

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public boolean owns(String path) {
        return path.isEmpty() || path.equals("/");
    }

    @Override
    public HttpResponse<?> error(CommonError error) {
        return switch (error) {
            case NOT_FOUND -> sender(HttpStatus.NOT_FOUND, "InvalidAction", "The requested path does not exist.");
            case METHOD_NOT_ALLOWED -> sender(HttpStatus.METHOD_NOT_ALLOWED, "InvalidAction", "Use GET or POST.");
            case UNSUPPORTED_MEDIA_TYPE -> sender(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MalformedQueryString",
                    "Post the parameters as application/x-www-form-urlencoded.");
            case PAYLOAD_TOO_LARGE -> sender(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "RequestEntityTooLarge", "The request body is too large.");
            case HEADERS_TOO_LARGE -> sender(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RequestHeaderSectionTooLarge", "The request headers are too large.");
            case BAD_REQUEST -> sender(HttpStatus.BAD_REQUEST, "MalformedQueryString", "The request is malformed.");
            case UNAVAILABLE -> answer(HttpStatus.SERVICE_UNAVAILABLE, "Receiver", "ServiceUnavailable", "The service is temporarily unavailable; retry later.");
            case INTERNAL -> answer(HttpStatus.INTERNAL_SERVER_ERROR, "Receiver", "InternalFailure", "The request could not be completed.");
        };
    }

    /** An error the caller caused (AWS's Type Sender). */
    static HttpResponse<?> sender(HttpStatus status, String code, String message) {
        return answer(status, "Sender", code, message);
    }

    static HttpResponse<?> validation(String message) {
        return sender(HttpStatus.BAD_REQUEST, "ValidationError", message);
    }

    /** AWS's ValidationError for one member's value: {@code 1 validation error detected: Value 'v' at 'member' ...}. */
    static HttpResponse<?> invalidValue(String member, String value, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A 409 of {@code code} (DeleteConflict, LimitExceeded, EntityAlreadyExists). */
    static HttpResponse<?> conflict(String code, String message) {
        return sender(HttpStatus.CONFLICT, code, message);
    }

    /** Every error answered to {@code request} from now on is in {@code namespace} (IAM's errors are IAM's; STS's by default). */
    static void answerIn(HttpRequest<?> request, String namespace) {
        request.setAttribute(NAMESPACE_ATTRIBUTE, namespace);
    }

    static HttpResponse<?> answer(HttpStatus status, String type, String code, String message) {
        String namespace = ServerRequestContext.currentRequest().flatMap(request -> request.getAttribute(NAMESPACE_ATTRIBUTE))
                .map(String::valueOf).orElse(STS_NAMESPACE);
        String body = "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                + AwsXml.escape(message) + "</Message></Error><RequestId>" + RequestIds.current() + "</RequestId></ErrorResponse>";
        return HttpResponse.status(status).contentType(MediaType.TEXT_XML_TYPE).body(body);
    }
}
