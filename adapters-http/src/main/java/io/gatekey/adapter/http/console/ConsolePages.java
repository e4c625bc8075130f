package io.gatekey.adapter.http.console;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The console's pages: the Thymeleaf templates under {@code views/} (HTML, UTF-8, each parsed once and kept),
 * rendered by the console's own controller. (Micronaut Views would render them from a server filter, which the
 * router then weighs on every request of every door.)
 */
@Singleton
final class ConsolePages {

    private final TemplateEngine engine = new TemplateEngine();

    ConsolePages() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(ConsolePages.class.getClassLoader());
        templates.setPrefix("views/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        engine.setTemplateResolver(templates);
    }

    /** The view (such as {@code console/home}) rendered with the model. */
    String render(String view, Map<String, Object> model) {
        return engine.process(view, new Context(Locale.ENGLISH, model));
    }
}
