package org.tribune.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
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
 *
 * <p>Before that, the mappings are indexed by the shape of their patterns ({@link Shapes}): a path is weighed only
 * against the mappings whose patterns have as many segments and the same text in each segment that is not a variable.
 * When exactly one of those matches, it is the one Spring would have found, since no other can match; in every
 * other case (none, several, a pre-flight request, a path the index cannot judge) Spring looks it up as before.
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
        /** Made at the first lookup, and again after a mapping is added or removed. */
        private volatile Shapes shapes;

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            List<Shapes.Candidate> candidates = CorsUtils.isPreFlightRequest(request) ? null : shapes().candidates(lookupPath);
            if (candidates != null) {
                Shapes.Candidate found = null;
                RequestMappingInfo matched = null;
                for (Shapes.Candidate candidate : candidates) {
                    RequestMappingInfo match = super.getMatchingMapping(candidate.mapping(), request);
                    if (match != null) {
                        if (found != null) {
                            return weighed(lookupPath, request); // several: Spring ranks them
                        }
                        found = candidate;
                        matched = match;
                    }
                }
                if (found != null) {
                    request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler());
                    handleMatch(matched, lookupPath, request);
                    return found.handler();
                }
            }
            return weighed(lookupPath, request);
        }

        private Shapes shapes() {
            Shapes known = shapes;
            if (known == null) {
                known = new Shapes(getHandlerMethods());
                shapes = known;
            }
            return known;
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            shapes = null;
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            shapes = null;
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            shapes = null;
        }

        /** Spring's own lookup, passing over the mappings none of whose prefixes begins the path. */
        HandlerMethod weighed(String lookupPath, HttpServletRequest request) throws Exception {
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

    /**
     * The mappings by the shape of their patterns: a tree of the patterns' segments, where a segment that is or holds a
     * variable or a wildcard ({@code {slug}}, {@code {width}.jpg}, {@code *}) matches any segment. A pattern that may
     * span several segments ({@code **}, {@code {*path}}), or a mapping without path patterns, is a candidate for every
     * path that begins with its text before that wildcard.
     */
    static final class Shapes {
        /** A mapping and its handler; one object for all the mapping's patterns, compared by identity. */
        static final class Candidate {
            private final RequestMappingInfo mapping;
            private final HandlerMethod handler;

            Candidate(RequestMappingInfo mapping, HandlerMethod handler) {
                this.mapping = mapping;
                this.handler = handler;
            }

            RequestMappingInfo mapping() {
                return mapping;
            }

            HandlerMethod handler() {
                return handler;
            }
        }

        private record Spanning(String prefix, Candidate candidate) {
        }

        private static final class Node {
            final Map<String, Node> literal = new HashMap<>();
            Node any;
            final List<Candidate> ending = new ArrayList<>();

            Node child(String segment) {
                if (segment == null) {
                    if (any == null) {
                        any = new Node();
                    }
                    return any;
                }
                return literal.computeIfAbsent(segment, s -> new Node());
            }
        }

        private final Node root = new Node();
        private final List<Spanning> spanning = new ArrayList<>();

        Shapes(Map<RequestMappingInfo, HandlerMethod> mappings) {
            mappings.forEach((info, handler) -> {
                Candidate candidate = new Candidate(info, handler);
                PathPatternsRequestCondition condition = info.getPathPatternsCondition();
                if (condition == null || condition.getPatterns().isEmpty()) {
                    spanning.add(new Spanning("", candidate));
                    return;
                }
                for (PathPattern pattern : condition.getPatterns()) {
                    add(pattern.getPatternString(), candidate);
                }
            });
        }

        private void add(String pattern, Candidate candidate) {
            if (pattern.contains("**") || pattern.contains("{*") || !pattern.startsWith("/")) {
                spanning.add(new Spanning(literalPrefix(pattern), candidate));
                return;
            }
            Node node = root;
            for (String segment : pattern.substring(1).split("/", -1)) {
                boolean variable = segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
                node = node.child(variable ? null : segment);
            }
            if (!node.ending.contains(candidate)) {
                node.ending.add(candidate);
            }
        }

        /**
         * Every mapping that may match this path (and maybe others), or null when the index cannot tell: a path with
         * an escape, a matrix variable, an empty segment or a trailing slash is left to Spring.
         */
        List<Candidate> candidates(String path) {
            if (!path.startsWith("/") || path.length() == 1 || path.endsWith("/") || path.indexOf('%') >= 0
                    || path.indexOf(';') >= 0 || path.contains("//")) {
                return null;
            }
            List<Candidate> found = new ArrayList<>(4);
            collect(root, path, 1, found);
            for (Spanning s : spanning) {
                if (path.startsWith(s.prefix()) && !found.contains(s.candidate())) {
                    found.add(s.candidate());
                }
            }
            return found;
        }

        private static void collect(Node node, String path, int from, List<Candidate> found) {
            int end = path.indexOf('/', from);
            String segment = path.substring(from, end < 0 ? path.length() : end);
            visit(node.literal.get(segment), path, end, found);
            visit(node.any, path, end, found);
        }

        private static void visit(Node next, String path, int end, List<Candidate> found) {
            if (next == null) {
                return;
            }
            if (end >= 0) {
                collect(next, path, end + 1, found);
                return;
            }
            for (Candidate candidate : next.ending) {
                if (!found.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
    }
}
