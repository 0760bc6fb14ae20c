package org.tribune.media;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Every decoding slot is taken and none freed in time: 503 with Retry-After, the upload may simply be sent again. */
class Busy extends ErrorResponseException {
    Busy(long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        getHeaders().set("Cache-Control", "no-store");
    }
}
