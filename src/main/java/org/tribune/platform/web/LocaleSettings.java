package org.tribune.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reader's language: a member's own setting, else the {@code lang} cookie a visitor chose, else the browser's
 * Accept-Language, else English. Tribune speaks English and French.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleSettings implements WebMvcConfigurer {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);
    static final String COOKIE = "lang";

    /** The supported language closest to the given tag, English when none is. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(Locale.ENGLISH);
    }

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(tag));
    }

    @Bean
    LocaleResolver localeResolver() {
        return new ReaderLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }

    static final class ReaderLocaleResolver implements LocaleResolver {
        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Object chosen = request.getAttribute(ReaderLocaleResolver.class.getName());
            if (chosen instanceof Locale locale) {
                return locale;
            }
            if (request.getAttribute(Viewer.ATTRIBUTE) instanceof Viewer viewer) {
                return viewer.locale();
            }
            if (request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (COOKIE.equals(cookie.getName()) && isSupported(cookie.getValue())) {
                        return supported(cookie.getValue());
                    }
                }
            }
            String header = request.getHeader("Accept-Language");
            if (header != null && !header.isBlank()) {
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                    if (best != null) {
                        return best;
                    }
                } catch (IllegalArgumentException malformed) {
                    // a malformed header is the client's problem; fall back to English
                }
            }
            return Locale.ENGLISH;
        }

        /** A visitor's choice lives in a cookie; a member's is saved to their account by the settings page. */
        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale chosen = supported(locale == null ? null : locale.toLanguageTag());
            request.setAttribute(ReaderLocaleResolver.class.getName(), chosen);
            if (response != null) {
                Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
                cookie.setPath("/");
                cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
                cookie.setHttpOnly(true);
                cookie.setSecure(request.isSecure());
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
            }
        }
    }
}
