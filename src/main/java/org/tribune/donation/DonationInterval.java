package org.tribune.donation;

/** How often a donation is paid. */
public enum DonationInterval {
    ONE_TIME, MONTHLY, YEARLY;

    public boolean recurring() {
        return this != ONE_TIME;
    }
}
