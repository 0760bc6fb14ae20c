package org.tribune.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Initializes every precompiled page template at start-up, on the thread that starts the application, before the
 * server takes a request.
 * <p>
 * Why: a template class reads its static text from the jar when it is initialized ({@code BinaryContent.load} in its
 * static initializer). Requests run on virtual threads, of which only as many run at once as there are cores, and a
 * virtual thread that waits inside a class initializer, or for another thread's, keeps its carrier. The first pages
 * after a start, asked at once, were seen to take both carriers of a two-core machine that way: one waiting for the
 * layout's initializer, the other (in it) waiting for the jar, which a third virtual thread held and could not
 * release without a carrier. The node then answered nothing, health checks included.
 */
final class TemplateClasses {
    static final String LOCATION = "classpath*:gg/jte/generated/precompiled/**/Jte*Generated.class";

    private TemplateClasses() {
    }

    /** Initializes each template class found; returns their names. */
    static List<String> initializeAll(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(loader).getResources(LOCATION)) {
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf("gg/jte/generated/precompiled/"), url.length() - ".class".length());
                names.add(path.replace('/', '.'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the page templates", e);
        }
        for (String name : names) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("page template listed but not loadable: " + name, e);
            }
        }
        return names;
    }
}
