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
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return closing(answer(request, Door.CommonError.PAYLOAD_TOO_LARGE));
    }

    /**
     * The answer to a request the server gave up reading, or empty when it read it: a header over the limit is
     * answered 431 by the door its path names; a request line over the limit 414, or one that does not parse 400, in
     * the server's own envelope (no path was read). The server cannot read on after it: {@code Connection: close}.
     * No route or error route sees such a request; Micronaut has its answer made by {@link UnreadableRequests}.
     */
    Optional<HttpResponse<?>> unreadable(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty) || !netty.getNativeRequest().decoderResult().isFailure()) {
            return Optional.empty();
        }
        Throwable cause = netty.getNativeRequest().decoderResult().cause();
        // The kind of failure only: a decoder's message may quote the request, and a request may carry a session token.
        LOG.info("Refused a request that could not be read ({})", cause.getClass().getSimpleName());
        HttpResponse<?> answer = cause instanceof TooLongHttpHeaderException ? answer(request, Door.CommonError.HEADERS_TOO_LARGE)
                : cause instanceof TooLongHttpLineException ? plain(HttpStatus.REQUEST_URI_TOO_LONG, "request line too long")
                : cause instanceof TooLongFrameException ? answer(request, Door.CommonError.PAYLOAD_TOO_LARGE)
                : answer(request, Door.CommonError.BAD_REQUEST);
        return Optional.of(closing(answer));
    }

    private static HttpResponse<?> closing(HttpResponse<?> answer) {
        if (answer instanceof MutableHttpResponse<?> mutable) {
            mutable.header(HttpHeaders.CONNECTION, "close");
        }
        return answer;
    }

    @Error(exception = ConversionErrorException.class, global = true)
    HttpResponse<?> unconvertible(HttpRequest<?> request) {
        return answer(request, Door.CommonError.BAD_REQUEST);
    }

    /**
     * A body whose {@code Content-Encoding} (gzip, deflate) does not decode. What the client still sends of it cannot
     * be told from its next request, so the connection closes after the answer.
     */
    @Error(exception = DecompressionException.class, global = true)
    HttpResponse<?> undecodableBody(HttpRequest<?> request) {
        return closing(answer(request, Door.CommonError.BAD_REQUEST));
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
        // Micronaut gives such a request the path "/": the request log names the door and path it was sent to.
        RequestIds.loggedPath(request, path);
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
                .orElseGet(() -> plain(status(error), error.name().toLowerCase().replace('_', ' ')));
    }

    /** The server's own envelope, for a path no door owns. */
    private static MutableHttpResponse<?> plain(HttpStatus status, String message) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("message", message));
    }

    private static HttpStatus status(Door.CommonError error) {
        return switch (error) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case HEADERS_TOO_LARGE -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
