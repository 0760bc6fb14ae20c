package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.tribune.IntegrationTest;

/**
 * The index of the mappings by the shape of their patterns finds, for every path, every mapping that may match it; and
 * the handler it picks is the one Spring's own lookup picks, for a request to every mapping of the application.
 */
@IntegrationTest
class HandlerShapesTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static HandlerMethod handler(String name) {
        try {
            return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    static final class Handlers {
        void a() {
        }

        void b() {
        }

        void c() {
        }

        void d() {
        }

        void e() {
        }
    }

    private static Set<String> found(HandlerLookup.Shapes shapes, String path) {
        List<HandlerLookup.Shapes.Candidate> candidates = shapes.candidates(path);
        return candidates == null ? null : Set.copyOf(candidates.stream().map(c -> c.handler().getMethod().getName()).toList());
    }

    @Test
    void aPathIsWeighedAgainstTheMappingsOfItsShapeOnly() {
        HandlerLookup.Shapes shapes = new HandlerLookup.Shapes(Map.of(
                RequestMappingInfo.paths("/api/v1/groups/{slug}/posts").build(), handler("a"),
                RequestMappingInfo.paths("/api/v1/groups/{slug}").build(), handler("b"),
                RequestMappingInfo.paths("/api/v1/groups/mine", "/api/v1/groups/{slug}/members").build(), handler("c"),
                RequestMappingInfo.paths("/media/{id}/{width}.jpg").build(), handler("d"),
                RequestMappingInfo.paths("/img/**").build(), handler("e")));

        assertThat(found(shapes, "/api/v1/groups/g3/posts")).containsExactly("a");
        assertThat(found(shapes, "/api/v1/groups/mine")).as("a literal and a variable segment").containsExactlyInAnyOrder("b", "c");
        assertThat(found(shapes, "/api/v1/groups/g3/members")).containsExactly("c");
        assertThat(found(shapes, "/media/ab12/400.jpg")).as("a segment holding a variable matches any").containsExactly("d");
        assertThat(found(shapes, "/img/icons/a.svg")).as("a wildcard over segments, by its prefix").containsExactly("e");
        assertThat(found(shapes, "/api/v1/posts/12")).isEmpty();
        assertThat(found(shapes, "/API/v1/groups/g3/posts")).as("case-sensitive, as the patterns are").isEmpty();
        for (String unjudged : List.of("/", "/api/v1/groups/g3/posts/", "/api/v1/g%72oups/g3/posts", "/api/v1/groups;a=b/g3",
                "/api//v1")) {
            assertThat(found(shapes, unjudged)).as(unjudged + " is left to Spring").isNull();
        }
    }

    @Test
    void forARequestToEachMappingOfTheApplicationTheHandlerIsTheOneSpringFinds() throws Exception {
        HandlerLookup.PrefixedMappings lookup = (HandlerLookup.PrefixedMappings) mappings;
        int compared = 0;
        int found = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = sample(pattern.getPatternString());
                List<String> methods = new ArrayList<>(info.getMethodsCondition().getMethods().stream().map(Enum::name).toList());
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                for (String method : methods) {
                    for (String accept : List.of("text/html", "application/json")) {
                        Object fast = outcome(() -> lookup.lookupHandlerMethod(path, request(method, path, accept)));
                        Object spring = outcome(() -> lookup.weighed(path, request(method, path, accept)));
                        assertThat(fast).as(method + " " + path + " (" + accept + ")").isEqualTo(spring);
                        compared++;
                        found += fast instanceof java.lang.reflect.Method ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(found).as("most requests find a handler").isGreaterThan(compared / 3);
    }

    /** The pattern with every variable given a value (digits, which suit ids and slugs alike). */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "12").replace("**", "a/b").replace("*", "a")
                .replace("?", "a");
    }

    private static MockHttpServletRequest request(String method, String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        request.setContentType("application/x-www-form-urlencoded");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private interface Lookup {
        HandlerMethod find() throws Exception;
    }

    /** The handler found (its method), none, or the class of what was thrown (Spring's 405, 406, 415). */
    private static Object outcome(Lookup lookup) {
        try {
            HandlerMethod found = lookup.find();
            return found == null ? "none" : found.getMethod();
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
