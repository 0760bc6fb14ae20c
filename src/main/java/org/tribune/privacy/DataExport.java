package org.tribune.privacy;

import java.time.Instant;

/** One export of a person's data: waiting, being written (with its progress in percent), ready, or failed. */
public record DataExport(long id, long accountId, State state, int progress, String fileName, Long fileSize,
        Instant requestedAt, Instant finishedAt, Instant expiresAt) {

    public enum State { PENDING, RUNNING, READY, FAILED }

    public boolean isReady() {
        return state == State.READY;
    }

    public boolean isUnderWay() {
        return state == State.PENDING || state == State.RUNNING;
    }
}
