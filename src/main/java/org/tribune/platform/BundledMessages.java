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
    private final Map<Locale, Map<String, String>> found = new ConcurrentHashMap<>();

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
