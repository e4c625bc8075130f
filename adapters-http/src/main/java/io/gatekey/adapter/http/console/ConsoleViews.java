package io.gatekey.adapter.http.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.annotation.Filter;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;

/**
 * Micronaut Views' filter, which renders the console's pages, on the console's paths only: it would otherwise look
 * at every answer of every door (all of them JSON or XML), a cost on each signed request for nothing.
 */
@Replaces(ViewsFilter.class)
@Filter({"/nsa", "/nsa/**"})
final class ConsoleViews extends ViewsFilter {

    ConsoleViews(ViewsResolver viewsResolver, ViewsRendererLocator viewsRendererLocator, ViewsModelDecorator viewsModelDecorator,
                 TurboFrameRenderer turboFrameRenderer) {
        super(viewsResolver, viewsRendererLocator, viewsModelDecorator, turboFrameRenderer);
    }
}
