package org.tribune.platform.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error report, for what it refuses before any filter or controller sees the request: an address it
 * cannot decode ({@code /api/v1/groups/%ff}), an encoded slash or a NUL in the path, a character not allowed in an
 * address ({@code ?a[b]=c}), headers too large. Under {@code /api/} and {@code /webhooks/} (and for a request line too
 * broken to tell) the answer is a problem detail like every other API error; elsewhere Tomcat's short page without
 * its version or a stack trace. Tomcat makes this valve itself (by class name), so it is plain
 * Java with no Spring bean in it.
 */
public class ProblemReportValve extends ErrorReportValve {
    private static final String PROBLEM = "{\"type\":\"https://tribune.social/problems/problem-%1$d\",\"title\":\"%2$s\","
            + "\"status\":%1$d,\"detail\":\"The request could not be read: %2$s.\",\"code\":\"problem.%1$d\"}";

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        boolean api;
        if (uri == null || uri.isEmpty()) {
            // A request line Tomcat could not even parse (a raw [ or a space in the address): nothing says it was a
            // page, so a problem detail unless the client asked for HTML.
            String accept = request.getHeader("Accept");
            api = accept == null || !accept.contains("text/html");
        } else {
            api = uri.startsWith("/api/") || uri.startsWith("/webhooks/");
        }
        if (!api || status < 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(PROBLEM.formatted(status, reason(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            // the connection is closing; nothing more can be said
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Bad Request";
        };
    }

    /** Puts this valve in place of the error report valves Tomcat and Spring Boot would add to the host. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReports() {
            return factory -> factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                    }
                });
            });
        }
    }
}
