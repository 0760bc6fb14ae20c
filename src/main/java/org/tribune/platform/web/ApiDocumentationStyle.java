package org.tribune.platform.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The API documentation's page style, in place of Swagger UI's own index.css (a controller is asked before the
 * webjar's files): the same base, with colours that pass WCAG AA contrast. A file of ours, from our origin, so the
 * page needs no exception in the Content-Security-Policy for it.
 */
@Hidden
@RestController
class ApiDocumentationStyle {
    private static final Resource STYLE = new ClassPathResource("static/css/api-docs.css");

    @GetMapping(path = "/api/swagger-ui/index.css", produces = "text/css")
    ResponseEntity<Resource> style() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/css"))
                .cacheControl(CacheControl.noCache()).body(STYLE);
    }
}
