package org.tribune.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.tribune.platform.Outages;

/**
 * Answers 503 with {@code Retry-After} when the database (or Redis, or the disk) fails under a request outside any
 * controller: the session store read before the page, the security filters, the session saved after it. Those
 * failures would otherwise reach the servlet container as a 500. Failures inside controllers are answered by
 * {@link FailureHandling} with the translated page; this filter, second in the chain, catches what is left, with a
 * page that needs nothing but itself.
 */
class OutageGuard extends OncePerRequestFilter {
    private static final Unavailable ANSWER = new Unavailable("{\"type\":\"https://tribune.social/problems/problem-unavailable\","
            + "\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Tribune's database cannot be reached for a"
            + " moment; nothing was saved. Retry after %d s.\",\"code\":\"problem.unavailable\"}", """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable / Indisponible</title></head><body>
            <h1>Tribune is unavailable for a moment</h1><p>Its database cannot be reached. Nothing you sent was half-saved: please try again in a few seconds.</p>
            <h1 lang="fr">Tribune est momentanément indisponible</h1><p lang="fr">Sa base de données ne répond pas. Rien de ce que vous avez envoyé n'a été enregistré à moitié : réessayez dans quelques secondes.</p>
            </body></html>
            """);

    private final OutageLog outages;

    OutageGuard(OutageLog outages) {
        this.outages = outages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!Outages.isOutage(failure)) {
                throw failure;
            }
            outages.refused(request, failure);
            if (response.isCommitted()) {
                return; // the answer has left (a failure saving the session afterwards): nothing more to say
            }
            response.reset();
            refuse(request, response, outages.retryAfterSeconds());
        }
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        ANSWER.answer(request, response, retryAfterSeconds);
    }
}
