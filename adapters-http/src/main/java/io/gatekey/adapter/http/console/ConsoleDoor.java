package io.gatekey.adapter.http.console;

import io.gatekey.adapter.http.Door;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

/** The console's entrance, {@code /nsa/...}: its errors are pages a person reads, not JSON. */
@Singleton
final class ConsoleDoor implements Door {

    static final String PREFIX = "/nsa/";

    @Override
    public String name() {
        return "console";
    }

    @Override
    public boolean owns(String path) {
        return covers(path);
    }

    /** {@code /nsa} and every path below it. */
    static boolean covers(String path) {
        return path.startsWith(PREFIX) || path.equals("/nsa");
    }

    @Override
    public HttpResponse<?> error(CommonError error) {
        return switch (error) {
            case NOT_FOUND -> page(HttpStatus.NOT_FOUND, "Not found", "There is no such page.");
            case METHOD_NOT_ALLOWED -> page(HttpStatus.METHOD_NOT_ALLOWED, "Not allowed", "This page does not take that kind of request.");
            case UNSUPPORTED_MEDIA_TYPE -> page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not accepted", "Forms are sent as application/x-www-form-urlencoded.");
            case PAYLOAD_TOO_LARGE -> page(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Too large", "The form was too large.");
            case HEADERS_TOO_LARGE -> page(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too large", "The request's headers were too large.");
            case BAD_REQUEST -> page(HttpStatus.BAD_REQUEST, "Not understood", "The request could not be read.");
            case UNAVAILABLE -> page(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", "The service is unavailable for a moment; try again shortly.");
            case INTERNAL -> page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong", "The request could not be completed.");
        };
    }

    /** A plain page with a fixed title and message (no caller text is ever put in it). */
    static HttpResponse<?> page(HttpStatus status, String title, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - Gatekey</title>"
                + "<link rel=\"stylesheet\" href=\"/nsa/-/console.css\"></head><body><main><h1>" + title + "</h1><p>" + message
                + "</p></main></body></html>";
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8").body(html);
    }
}
