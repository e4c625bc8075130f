package io.gatekey.adapter.http.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.FilterPatternStyle;
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
@Filter(value = ConsoleViews.PATHS, patternStyle = FilterPatternStyle.REGEX)
final class ConsoleViews extends ViewsFilter {

    /** The console's paths: /nsa and all below it. */
    static final String PATHS = "/nsa(/.*)?";

    ConsoleViews(ViewsResolver viewsResolver, ViewsRendererLocator viewsRendererLocator, ViewsModelDecorator viewsModelDecorator,
                 TurboFrameRenderer turboFrameRenderer) {
        super(viewsResolver, viewsRendererLocator, viewsModelDecorator, turboFrameRenderer);
    }
}
