package org.tribune.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Tribune where to open it. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final String baseUrl;

    StartupBanner(@Value("${tribune.base-url}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("Tribune is running at {}", baseUrl);
    }
}
