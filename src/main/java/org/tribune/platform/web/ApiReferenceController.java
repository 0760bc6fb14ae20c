package org.tribune.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/docs}: the API's reference as a page of our own, rendered on the server from the live OpenAPI document,
 * so it keeps the site's Content-Security-Policy, its look and its accessibility (a generic API explorer needed inline
 * styles and failed the contrast and labelling checks). The document does not change while the server runs: it is
 * read once.
 */
@Controller
class ApiReferenceController {
    private static final String DOCUMENT = "/api/openapi.json";
    private final OpenApiWebMvcResource openApi;
    private final Markdown markdown;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile ApiReference reference;

    ApiReferenceController(OpenApiWebMvcResource openApi, Markdown markdown) {
        this.openApi = openApi;
        this.markdown = markdown;
    }

    @GetMapping("/api/docs")
    String reference(HttpServletRequest request, Model model) throws Exception {
        ApiReference known = reference;
        if (known == null) {
            byte[] document = openApi.openapiJson(request, DOCUMENT, Locale.ENGLISH);
            known = ApiReference.of(json.readTree(new String(document, StandardCharsets.UTF_8)), markdown);
            reference = known;
        }
        model.addAttribute("reference", known);
        return "site/api-docs";
    }
}
