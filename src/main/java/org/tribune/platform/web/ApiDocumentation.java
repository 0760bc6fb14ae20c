package org.tribune.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/openapi.json, browsable at /api/docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static {
        // The signed-in person is resolved from the token, never passed as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
    }

    @Bean
    OpenAPI tribuneApi() {
        return new OpenAPI()
                .info(new Info().title("Tribune API").version("v1")
                        .description("""
                                The JSON API of Tribune. Authenticate with a personal access token \
                                (POST /api/v1/tokens, or Settings → Security) sent as `Authorization: Bearer <token>`. \
                                Ids are strings. Lists answer `{"items": [...], "next": "<cursor or null>"}`; pass the \
                                cursor back as `before` for the next page. Every error is an RFC 9457 problem detail \
                                (`application/problem+json`) with a `code` you can match on.""")
                        .license(new License().name("AGPL-3.0-or-later")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal access token (trb_...)")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
