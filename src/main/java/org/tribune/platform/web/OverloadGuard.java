package org.tribune.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load instead of collapsing: at most {@code maxConcurrent} requests are worked on at once; one more waits up
 * to {@code queueWait} for a place and is otherwise answered 503 with {@code Retry-After} at once, before it
 * touches the session store or the database. Past saturation every extra request only makes all of them slower
 * (the pool and the CPU are shared), so refusing some keeps the others fast. Static files, health probes and the
 * long-lived live connections do not count.
 */
public class OverloadGuard extends OncePerRequestFilter {
    private static final Unavailable ANSWER = new Unavailable("{\"type\":\"https://tribune.social/problems/problem-overloaded\","
            + "\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Too many requests at once; retry after %d s.\","
            + "\"code\":\"problem.overloaded\"}", """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy / Occupé</title></head><body>
            <h1>Tribune is very busy</h1><p>Too many people at once. Please try again in a few seconds.</p>
            <h1 lang="fr">Tribune est très occupé</h1><p lang="fr">Trop de monde à la fois. Réessayez dans quelques secondes.</p>
            </body></html>
            """);

    private final Semaphore places;
    private final long queueWaitNanos;
    private final long retryAfterSeconds;
    private final Runnable onRefusal;

    public OverloadGuard(int maxConcurrent, Duration queueWait, Duration retryAfter, Runnable onRefusal) {
        this.onRefusal = onRefusal;
        this.places = new Semaphore(maxConcurrent, true);
        this.queueWaitNanos = queueWait.toNanos();
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return isExempt(path);
    }

    static boolean isExempt(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/fonts/") || path.equals("/favicon.ico") || path.equals("/robots.txt")
                || path.startsWith("/actuator/health") || path.equals("/live");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            onRefusal.run();
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ANSWER.answer(request, response, retryAfterSeconds);
    }
}
