package io.gatekey.adapter.http;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what no route handles (unknown paths, wrong methods, oversized bodies, storage outages, bugs) in the
 * envelope of the door that owns the path, never with a stack trace.
 */
@Controller
final class GlobalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalErrors.class);

    private final List<Door> doors;

    GlobalErrors(List<Door> doors) {
        this.doors = doors;
    }

    @Error(exception = DoorRefusal.class, global = true)
    HttpResponse<?> refused(DoorRefusal refusal) {
        return refusal.response();
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return answer(request, Door.CommonError.NOT_FOUND);
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return answer(request, Door.CommonError.METHOD_NOT_ALLOWED);
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<?> unsupportedMediaTypeStatus(HttpRequest<?> request) {
        return answer(request, Door.CommonError.UNSUPPORTED_MEDIA_TYPE);
    }

    @Error(exception = UnsupportedMediaException.class, global = true)
    HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return answer(request, Door.CommonError.UNSUPPORTED_MEDIA_TYPE);
    }

    /**
     * The body is not read past the limit, so whatever the client still sends of it would be taken for its next
     * request: the answer says {@code Connection: close}, and the server closes the connection after it.
     */
    @Error(exception = ContentLengthExceededException.class, global = true)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        HttpResponse<?> answer = answer(request, Door.CommonError.PAYLOAD_TOO_LARGE);
        if (answer instanceof MutableHttpResponse<?> closing) {
            closing.header(HttpHeaders.CONNECTION, "close");
        }
        return answer;
    }

    @Error(exception = ConversionErrorException.class, global = true)
    HttpResponse<?> unconvertible(HttpRequest<?> request) {
        return answer(request, Door.CommonError.BAD_REQUEST);
    }

    /** A form body whose percent escapes do not decode. */
    @Error(exception = HttpPostRequestDecoder.ErrorDataDecoderException.class, global = true)
    HttpResponse<?> undecodableForm(HttpRequest<?> request) {
        return answer(request, Door.CommonError.BAD_REQUEST);
    }

    @Error(exception = UnsatisfiedRouteException.class, global = true)
    HttpResponse<?> unsatisfied(HttpRequest<?> request) {
        return answer(request, Door.CommonError.BAD_REQUEST);
    }

    @Error(exception = StorageUnavailableException.class, global = true)
    HttpResponse<?> unavailable(HttpRequest<?> request, StorageUnavailableException e) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
        return answer(request, Door.CommonError.UNAVAILABLE);
    }

    /**
     * A request line whose URL does not parse (a bad percent escape) never reaches a route: it is the caller's
     * error, answered 400 in the envelope of the door its raw path names, with one line in the log.
     */
    @Error(exception = URISyntaxException.class, global = true)
    HttpResponse<?> malformedUrl(HttpRequest<?> request, URISyntaxException e) {
        // The server could not build the request from this URL, so the exception holds the only copy of it.
        String raw = e.getInput() == null ? request.getPath() : e.getInput();
        LOG.info("{} refused: malformed URL ({})", request.getMethod(), e.getReason());
        String path = raw.indexOf('?') < 0 ? raw : raw.substring(0, raw.indexOf('?'));
        return answerFor(path, Door.CommonError.BAD_REQUEST);
    }

    @Error(exception = Throwable.class, global = true)
    HttpResponse<?> unexpected(HttpRequest<?> request, Throwable e) {
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
        return answer(request, Door.CommonError.INTERNAL);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, Door.CommonError error) {
        return answerFor(request.getPath(), error);
    }

    private HttpResponse<?> answerFor(String path, Door.CommonError error) {
        return Door.owning(doors, path)
                .<HttpResponse<?>>map(door -> door.error(error))
                .orElseGet(() -> HttpResponse.status(status(error))
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(Map.of("message", error.name().toLowerCase().replace('_', ' '))));
    }

    private static HttpStatus status(Door.CommonError error) {
        return switch (error) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
