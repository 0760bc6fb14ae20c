package org.tribune.platform;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The bundled messages, with each message that takes no arguments remembered once found: a page asks for a hundred
 * of them, and each lookup went through every bundle of the language and its parents (a twelfth of a page's CPU).
 * Only messages found are kept, so the memory is bounded by the bundles, whatever codes are asked for.
 */
final class BundledMessages extends ResourceBundleMessageSource {
    /** How many counted messages are kept (about 5 MB at most); when full, the memory starts again. */
    static final int COUNTS_KEPT = 50_000;

    private final Map<Locale, Map<String, String>> found = new ConcurrentHashMap<>();
    private final Map<Counted, String> counted = new ConcurrentHashMap<>();

    /** A message whose only argument is a whole number, in one language. */
    private record Counted(String code, Locale locale, long count) {
    }

    /**
     * Reads the bundles of these languages now, on the thread that starts the application: a bundle read on a page's
     * virtual thread holds the jar while it reads, and a virtual thread that waits for the jar inside a class
     * initializer keeps its carrier (see platform.web.TemplateClasses).
     */
    void load(java.util.List<Locale> locales) {
        for (String basename : getBasenameSet()) {
            for (Locale locale : locales) {
                getResourceBundle(basename, locale);
            }
        }
    }

    /**
     * Messages whose only argument is a whole number ("3 likes", "no comments"), remembered once formatted: each post
     * of a page shows two, and each was a choice format that parses its chosen text again as a message format, with a
     * number format made for it, at every use.
     */
    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null || locale == null || args == null || args.length != 1
                || !(args[0] instanceof Integer || args[0] instanceof Long)) {
            return super.getMessageInternal(code, args, locale);
        }
        Counted key = new Counted(code, locale, ((Number) args[0]).longValue());
        String message = counted.get(key);
        if (message == null) {
            message = super.getMessageInternal(code, args, locale);
            if (message != null) {
                if (counted.size() >= COUNTS_KEPT) {
                    counted.clear();
                }
                counted.put(key, message);
            }
        }
        return message;
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        Map<String, String> ofLocale = found.get(locale);
        String message = ofLocale == null ? null : ofLocale.get(code);
        if (message == null) {
            message = super.resolveCodeWithoutArguments(code, locale);
            if (message != null) {
                found.computeIfAbsent(locale, l -> new ConcurrentHashMap<>()).put(code, message);
            }
        }
        return message;
    }
}
