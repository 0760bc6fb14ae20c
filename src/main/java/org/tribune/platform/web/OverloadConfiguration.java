package org.tribune.platform.web;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link OverloadGuard} first in the chain, ahead of sessions and security (both read the database), and
 * the {@link OutageGuard} right after it.
 */
@Configuration(proxyBeanMethods = false)
class OverloadConfiguration {

    @Bean
    FilterRegistrationBean<OverloadGuard> overloadGuard(
            @Value("${tribune.overload.max-concurrent:64}") int maxConcurrent,
            @Value("${tribune.overload.queue-wait:PT0.2S}") Duration queueWait,
            @Value("${tribune.overload.retry-after:PT2S}") Duration retryAfter, MeterRegistry meters) {
        // Operators watch this counter: refusals mean the node (or the database behind it) is saturated.
        Counter refused = Counter.builder("tribune.overload.refused")
                .description("Requests answered 503 because the node was working on its maximum already")
                .register(meters);
        FilterRegistrationBean<OverloadGuard> registration = new FilterRegistrationBean<>(
                new OverloadGuard(maxConcurrent, queueWait, retryAfter, refused::increment));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("overloadGuard");
        return registration;
    }

    /** Second, so that failures of the session store and the security filters behind it become 503s (see OutageGuard). */
    @Bean
    FilterRegistrationBean<OutageGuard> outageGuard(OutageLog outages) {
        FilterRegistrationBean<OutageGuard> registration = new FilterRegistrationBean<>(new OutageGuard(outages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        registration.setName("outageGuard");
        return registration;
    }
}
