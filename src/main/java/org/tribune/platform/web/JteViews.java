package org.tribune.platform.web;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.InvalidInput;

/**
 * Resolves view names to jte templates precompiled at build time ({@code src/main/jte/<name>.jte}). Every template
 * receives the model plus a {@link Page}.
 */
@Component
public class JteViews implements ViewResolver, Ordered {
    /** Model key for form errors ({@link InvalidInput}). */
    public static final String ERRORS = "errors";
    /** Flash or model key for a one-time notice, a message key. */
    public static final String NOTICE = "notice";

    private static final Logger log = LoggerFactory.getLogger(JteViews.class);

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    /**
     * The arrays pages are rendered into: 64 KB holds a feed page. 32 are kept (2 MB, up to 8 MB if long pages grew
     * them), more than the pages a small node renders at once.
     */
    private final PageBuffers buffers = new PageBuffers(32, 64 * 1024, 256 * 1024);
    /**
     * The beans of other features the pages ask, each looked up once: a lookup in the bean factory at every page cost
     * more than what it then asked.
     */
    private final SingletonSupplier<List<PageAbility>> abilityBeans;
    private final SingletonSupplier<UnreadNotifications> unreadCounter;
    private final SingletonSupplier<ReaderPreferences> readerPreferences;
    private final MessageSource messages;
    private final ZoneId defaultZone;
    private final SingletonSupplier<Fragments> fragments;

    JteViews(MessageSource messages, @Value("${tribune.default-time-zone:UTC}") String defaultZone,
            ObjectProvider<UnreadNotifications> unread, ObjectProvider<ReaderPreferences> preferences,
            ObjectProvider<PageAbility> abilities, ObjectProvider<Fragments> fragments) {
        this.fragments = SingletonSupplier.of(fragments::getIfAvailable);
        this.abilityBeans = SingletonSupplier.of(() -> abilities.orderedStream().toList());
        this.readerPreferences = SingletonSupplier.of(preferences::getIfAvailable);
        this.messages = messages;
        this.defaultZone = ZoneId.of(defaultZone);
        this.unreadCounter = SingletonSupplier.of(unread::getIfAvailable);
        long start = System.nanoTime();
        int initialized = TemplateClasses.initializeAll(JteViews.class.getClassLoader()).size();
        log.debug("{} page templates initialized in {} ms", initialized, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        String template = viewName + ".jte";
        return viewName.contains(":") || !exists(template) ? null : new JteView(template);
    }

    /**
     * Whether a template exists, remembered: they are compiled into the jar, so the answer never changes, and jte finds
     * out by loading the template's class through the class loaders of the jar in a jar on every call (a tenth of a
     * signed-in page's CPU). At most {@link #KNOWN_NAMES} names are remembered, the rest asked each time.
     */
    private boolean exists(String template) {
        Boolean known = knownTemplates.get(template);
        if (known != null) {
            return known;
        }
        boolean found = templates.hasTemplate(template);
        if (knownTemplates.size() < KNOWN_NAMES) {
            knownTemplates.put(template, found);
        }
        return found;
    }

    private static final int KNOWN_NAMES = 2_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> knownTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** Builds the page context for a request; also used by error pages rendered outside Spring MVC. */
    public Page page(HttpServletRequest request, Map<String, ?> model) {
        Viewer viewer = (Viewer) request.getAttribute(Viewer.ATTRIBUTE);
        Locale locale = RequestContextUtils.getLocale(request);
        ZoneId zone = viewer != null ? viewer.zone() : defaultZone;
        Object notice = model.get(NOTICE);
        Object errors = model.get(ERRORS);
        return new Page(messages, locale, zone, viewer, (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
                request.getRequestURI(), returnPath(request),
                notice instanceof String key ? messages.getMessage(key, null, key, locale) : null,
                errors instanceof InvalidInput invalid ? invalid.byField() : null,
                viewer == null || request.getAttribute(OutageLog.DURING_OUTAGE) != null ? null : () -> unreadCount(viewer.id()),
                viewer == null || request.getAttribute(OutageLog.DURING_OUTAGE) != null ? null : () -> opensWarnings(viewer.id()),
                viewer == null || request.getAttribute(OutageLog.DURING_OUTAGE) != null ? null : name -> may(name, viewer.id()),
                fragments.get());
    }

    /** A failing check must not break the page: the link is then left out, the safe default. */
    private boolean may(String name, long accountId) {
        try {
            return abilityBeans.obtain().stream().anyMatch(a -> a.name().equals(name) && a.grantedTo(accountId));
        } catch (RuntimeException failure) {
            log.warn("could not check ability {} of account {}", name, accountId, failure);
            return false;
        }
    }

    /** A failing read must not break the page: warnings then stay folded, the safe default. */
    private boolean opensWarnings(long accountId) {
        ReaderPreferences reader = readerPreferences.get();
        try {
            return reader != null && reader.opensWarnings(accountId);
        } catch (RuntimeException failure) {
            log.warn("could not read the reader preferences of account {}", accountId, failure);
            return false;
        }
    }

    /** A failing count must not break the page, least of all an error page. */
    private int unreadCount(long accountId) {
        UnreadNotifications counter = unreadCounter.get();
        if (counter == null) {
            return 0;
        }
        try {
            return counter.count(accountId);
        } catch (RuntimeException failure) {
            log.warn("could not count unread notifications of account {}", accountId, failure);
            return 0;
        }
    }

    private static String returnPath(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            // An error page is rendered at /error; coming back means the address that failed.
            return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
                    : request.getRequestURI();
        }
        String referer = request.getHeader(HttpHeaders.REFERER);
        try {
            URI from = referer == null ? null : URI.create(referer);
            if (from != null && from.getRawPath() != null && request.getServerName().equalsIgnoreCase(from.getHost())) {
                return from.getRawPath();
            }
        } catch (IllegalArgumentException malformed) {
            // not a page we can go back to
        }
        return "/";
    }

    public void render(String template, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Map<String, Object> params = new HashMap<>(model);
        params.put("page", page(request, model));
        // Rendered in full before anything is sent, so a failing template still gets a proper error page.
        PageBytes output = new PageBytes(buffers.take());
        try {
            templates.render(template, params, output);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(output.length());
            // Tomcat has sent or copied the bytes when this returns: the array may serve the next page.
            output.writeTo(response.getOutputStream());
        } finally {
            buffers.give(output.array());
        }
    }

    private final class JteView implements View {
        private final String template;

        JteView(String template) {
            this.template = template;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            JteViews.this.render(template, model == null ? Map.of() : model, request, response);
        }
    }
}
