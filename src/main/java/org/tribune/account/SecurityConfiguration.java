package org.tribune.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/**
 * Three doors: payment providers' webhooks (anonymous, no session, no CSRF: each request is trusted only through
 * the signature its handler checks), the JSON API (bearer tokens, no cookies, so no CSRF) and the web pages (sessions stored in the
 * database, CSRF on every form, remember-me). Both send the same strict headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'; worker-src 'self'; manifest-src 'self'";
    static final Duration REMEMBER_ME = Duration.ofDays(30);

    /**
     * No observation of Spring Security's filters, logins and decisions: nothing reads them, and wrapping each of the
     * chain's filters in one cost every request 2% of its CPU even with the observations themselves turned off
     * (docs/benchmarks.md, "Sixteenth round"). The HTTP request metrics stay.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** OWASP's argon2id parameters: 19 MiB of memory, 2 iterations, 1 lane. Spring's defaults are weaker. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        ProviderManager manager = new ProviderManager(new PasswordLogin(accounts, encoder, throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    SpringSessionRememberMeServices rememberMeServices() {
        SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
        services.setRememberMeParameterName("remember-me");
        services.setValiditySeconds((int) REMEMBER_ME.toSeconds());
        return services;
    }

    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/webhooks/**").permitAll()
                        .anyRequest().denyAll());
        return headers(http).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, TokenService tokens, ApiFailures failures,
            AuthenticationManager logins) throws Exception {
        // The API's reference page (/api/docs) is a web page, with the reader's session, language and look.
        http.securityMatcher(request -> request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/")
                        && !"/api/docs".equals(request.getRequestURI().substring(request.getContextPath().length())))
                .authenticationManager(logins)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/tokens").permitAll()
                        // Reading public content needs no account; services refuse what is not public.
                        .requestMatchers(HttpMethod.GET, "/api/v1/groups", "/api/v1/groups/**", "/api/v1/posts/**",
                                "/api/v1/comments/**", "/api/v1/users/*/posts").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/users/*", "/api/v1/users/*/followers",
                                "/api/v1/users/*/following").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/transparency").permitAll()
                        // An event of a public group is read by anyone; EventService refuses the others (404).
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/sources", "/api/v1/sources/*", "/api/v1/sources/*/revisions").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/notes/export", "/api/v1/notes/*",
                                "/api/v1/moderation/log").permitAll()
                        .requestMatchers("/api/openapi.json", "/api/openapi.json/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> failures.unauthorized(request, response, "problem.401"))
                        .accessDeniedHandler((request, response, ex) -> failures.forbidden(request, response, "problem.forbidden")))
                .addFilterBefore(new TokenAuthentication(tokens, failures), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new CurrentAccount(accounts, failures), AuthorizationFilter.class);
        return headers(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Accounts accounts, AuthenticationManager logins,
            SpringSessionRememberMeServices rememberMe, Clock clock) throws Exception {
        http.authenticationManager(logins)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/favicon.ico", "/api/docs").permitAll()
                        // The installable app: its manifest, service worker and offline page hold nothing personal.
                        .requestMatchers(HttpMethod.GET, "/manifest.webmanifest", "/sw.js", "/offline").permitAll()
                        // Link preview pictures, re-encoded and served by us; their ids are random. Pictures: the
                        // media feature checks each request against what the picture shows on (404 when refused).
                        .requestMatchers(HttpMethod.GET, "/previews/*", "/media/*/*").permitAll()
                        .requestMatchers("/", "/error", "/conduct", "/signup", "/signup/done", "/login", "/verify",
                                "/verify/resend", "/reset-password", "/reset-password/**", "/settings/email/confirm",
                                "/setup/admin", "/goodbye", "/@*", "/trust-levels").permitAll()
                        // Public group pages are read by visitors; services refuse what is not public.
                        .requestMatchers(HttpMethod.GET, "/groups", "/groups/*", "/groups/*/members", "/p/*", "/p/*/likes").permitAll()
                        .requestMatchers(HttpMethod.GET, "/p/*/history", "/p/*/diff", "/p/*/talk", "/groups/*/wiki",
                                "/groups/*/wiki/history", "/groups/*/wiki/diff", "/groups/*/wiki/talk").permitAll()
                        .requestMatchers(HttpMethod.GET, "/@*/followers", "/@*/following").permitAll()
                        // Events of public groups, their .ics, and the calendar feed (its secret token is the key).
                        .requestMatchers(HttpMethod.GET, "/events/*", "/groups/*/events", "/events/calendar/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/sources", "/sources/*", "/sources/*/history", "/sources/*/diff",
                                "/sources/*/talk").permitAll()
                        .requestMatchers(HttpMethod.GET, "/donate", "/transparency", "/transparency.csv").permitAll()
                        // Community notes and the moderation log are public; services refuse what is not.
                        .requestMatchers(HttpMethod.GET, "/p/*/notes", "/notes/about", "/notes/export",
                                "/notes/export/**", "/moderation/log").permitAll()
                        .requestMatchers("/treasury", "/treasury/**").hasAnyRole("TREASURER", "ADMIN")
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(localOrAdmin())
                        .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(login -> login
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .failureHandler(SecurityConfiguration::loginFailed)
                        .successHandler(new DeviceRecordingSuccessHandler(clock))
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("SESSION", "JSESSIONID")
                        .logoutSuccessUrl("/?signedOut"))
                // Early, so that even pages answering a refusal (a missing CSRF token) know who is signed in.
                .addFilterAfter(new CurrentAccount(accounts, true), SecurityContextHolderFilter.class);
        return headers(http).build();
    }

    /**
     * Addresses the firewall refuses (";", encoded dots...) are answered before either chain runs, so their error
     * page or problem detail would go out without the headers below; they get them here.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        List<HeaderWriter> writers = List.of(new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new XContentTypeOptionsHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN),
                new CacheControlHeadersWriter());
        return (request, response, rejected) -> {
            writers.forEach(writer -> writer.writeHeaders(request, response));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        };
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
    }

    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure) throws IOException, ServletException {
        if (org.tribune.platform.Outages.isOutage(failure)) {
            // The accounts could not be read: not a wrong password. Answered 503 by platform.web.OutageGuard.
            throw new ServletException("sign-in failed: a store is unavailable", failure);
        }
        String code = failure instanceof LoginRefusal refusal ? refusal.code() : "login.failed";
        HttpSession session = request.getSession();
        session.setAttribute(LoginController.LAST_ERROR, code);
        session.setAttribute(LoginController.LAST_EMAIL, request.getParameter("email"));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Metrics are for the operator: the machine itself, or an administrator. Proxied requests are not local. */
    private static AuthorizationManager<RequestAuthorizationContext> localOrAdmin() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            boolean local = request.getHeader("X-Forwarded-For") == null && request.getHeader("Forwarded") == null
                    && isLoopback(request.getRemoteAddr());
            Authentication who = authentication.get();
            boolean admin = who != null && who.getAuthorities().stream()
                    .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
            return new AuthorizationDecision(local || admin);
        };
    }

    private static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1")
                || address.equals("0:0:0:0:0:0:0:1"));
    }

    /** Notes, for the list of signed-in devices, which browser this is and when it signed in. */
    static final class DeviceRecordingSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final Clock clock;

        DeviceRecordingSuccessHandler(Clock clock) {
            this.clock = clock;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            HttpSession session = request.getSession();
            session.setAttribute(SignedInDevices.DEVICE, Devices.describe(request.getHeader("User-Agent")));
            session.setAttribute(SignedInDevices.SIGNED_IN_AT, clock.millis());
            session.removeAttribute(LoginController.LAST_ERROR);
            session.removeAttribute(LoginController.LAST_EMAIL);
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
