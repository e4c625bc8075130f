package io.gatekey.adapter.http;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Micronaut answers a request its decoder gave up on (a request line or header over the limit, one that does not
 * parse) by itself, with no route or error route, through its {@link ErrorResponseProcessor}: this one answers
 * those as {@link GlobalErrors#unreadable} says, and leaves every other answer to Micronaut's.
 */
@Singleton
final class UnreadableRequests implements BeanCreatedEventListener<ErrorResponseProcessor<?>> {

    private final BeanProvider<GlobalErrors> errors;

    UnreadableRequests(BeanProvider<GlobalErrors> errors) {
        this.errors = errors;
    }

    @Override
    public ErrorResponseProcessor<?> onCreated(BeanCreatedEvent<ErrorResponseProcessor<?>> event) {
        return new Answering(event.getBean(), errors);
    }

    private record Answering(ErrorResponseProcessor<?> micronauts, BeanProvider<GlobalErrors> errors) implements ErrorResponseProcessor<Object> {

        @Override
        @SuppressWarnings("unchecked")
        public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            Optional<HttpResponse<?>> unread = errors.get().unreadable(context.getRequest());
            if (unread.isEmpty()) {
                return (MutableHttpResponse<Object>) micronauts.processResponse(context, response);
            }
            HttpResponse<?> answer = unread.get();
            MutableHttpResponse<Object> replaced = ((MutableHttpResponse<Object>) response).status(answer.status());
            answer.getBody().ifPresent(replaced::body);
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> replaced.header(name, value)));
            return replaced;
        }
    }
}
