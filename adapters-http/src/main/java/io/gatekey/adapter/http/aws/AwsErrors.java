package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.Door;
import io.gatekey.adapter.http.RequestIds;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

/**
 * AWS's Query-protocol error answers, {@code ErrorResponse/Error/{Type, Code, Message}} and {@code RequestId},
 * with AWS's codes and statuses, as text/xml. The door owns {@code /}, where AWS's STS and IAM endpoints answer.
 */
@Singleton
final class AwsErrors implements Door {

    static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

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

    /** The same error answer in another service's namespace (IAM's errors are IAM's). */
    static HttpResponse<?> inNamespace(HttpResponse<?> error, String namespace) {
        if (error.getBody().orElse(null) instanceof String body) {
            return HttpResponse.status(error.status()).contentType(MediaType.TEXT_XML_TYPE)
                    .body(body.replaceFirst("xmlns=\"" + STS_NAMESPACE + "\"", "xmlns=\"" + namespace + "\""));
        }
        return error;
    }

    static HttpResponse<?> answer(HttpStatus status, String type, String code, String message) {
        String body = "<ErrorResponse xmlns=\"" + STS_NAMESPACE + "\"><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                + AwsXml.escape(message) + "</Message></Error><RequestId>" + RequestIds.current() + "</RequestId></ErrorResponse>";
        return HttpResponse.status(status).contentType(MediaType.TEXT_XML_TYPE).body(body);
    }
}
