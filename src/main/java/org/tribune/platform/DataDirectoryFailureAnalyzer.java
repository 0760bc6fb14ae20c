package org.tribune.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link DataDirectory.Unusable} into Spring Boot's short start-up report ("APPLICATION FAILED TO START",
 * what went wrong, what to do) instead of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectory.Unusable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectory.Unusable cause) {
        return new FailureAnalysis(cause.getMessage() + ".", cause.action(), cause);
    }
}
