package org.tribune.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds a request's handler without weighing every mapping in full. A path with a variable in it
 * ({@code /api/v1/groups/{slug}/posts}, {@code /p/{id}}) has no direct entry, so Spring weighs each of the few
 * hundred mappings: its methods, headers, media types and patterns, each read through the request's wrappers. That
 * was 11% of a group feed's CPU. A mapping whose patterns all begin with text the path does not begin with cannot
 * match it, and is now passed over on that alone; the others are weighed by Spring as before, and a request that
 * matches nothing is answered (404, 405, 406) by Spring's own checks, which this does not change.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations prefixedHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixedMappings();
            }
        };
    }

    static final class PrefixedMappings extends RequestMappingHandlerMapping {
        /** The path being looked up, for the mappings weighed during its lookup (a request's own thread). */
        private static final ThreadLocal<String> LOOKED_UP = new ThreadLocal<>();
        private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            LOOKED_UP.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKED_UP.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKED_UP.get();
            if (path != null && !mayMatch(literalPrefixes(info), path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private String[] literalPrefixes(RequestMappingInfo info) {
            String[] known = prefixes.get(info);
            if (known == null) {
                known = literalPrefixesOf(info.getPathPatternsCondition());
                prefixes.put(info, known);
            }
            return known;
        }
    }

    /** The text each pattern starts with before its first variable or wildcard; none (match all) without patterns. */
    static String[] literalPrefixesOf(PathPatternsRequestCondition condition) {
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new String[] {""};
        }
        return condition.getPatterns().stream().map(PathPattern::getPatternString).map(HandlerLookup::literalPrefix)
                .toArray(String[]::new);
    }

    static String literalPrefix(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }

    /**
     * Whether one of these prefixes could match the path. Patterns match the path's decoded segments, so a path with
     * an escape in it ({@code %67roups}) is always weighed in full.
     */
    static boolean mayMatch(String[] prefixes, String path) {
        if (path.indexOf('%') >= 0) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
