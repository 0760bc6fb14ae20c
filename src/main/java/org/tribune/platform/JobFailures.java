package org.tribune.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * How a scheduled job's failure is logged. Jobs survive an outage by themselves (the scheduler fires them again at
 * their next time, and each works from the state it finds, see {@link ClusterJobs}); but while the database is away
 * every job fails at every tick, and a stack trace each time would bury the log. An outage is one line per job kind
 * and half-minute; any other failure keeps its stack trace.
 */
@Configuration(proxyBeanMethods = false)
class JobFailures {
    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);
    private static final long QUIET_NANOS = Duration.ofSeconds(30).toNanos();

    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - QUIET_NANOS - 1);

    ErrorHandler handler() {
        return failure -> {
            if (!Outages.isOutage(failure)) {
                TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
                return;
            }
            long now = System.nanoTime();
            if (now - lastLogged.getAndSet(now) > QUIET_NANOS) {
                log.warn("scheduled jobs cannot run: a store is unavailable ({}); they run again at their next time",
                        failure.getMessage());
            } else {
                log.debug("scheduled job skipped during an outage: {}", failure.getMessage());
            }
        };
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer jobFailuresOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(handler());
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer jobFailuresOnPlatformThreads() {
        return scheduler -> scheduler.setErrorHandler(handler());
    }
}
