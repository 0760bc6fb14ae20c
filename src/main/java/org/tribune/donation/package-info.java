/**
 * Donations, never a paywall: the donate page, payments through Stripe (Checkout and signed webhooks) or, without
 * Stripe, an offline mode with gifts recorded by treasurers and a test payment page; receipts; the donors' settings;
 * and the open ledger. Other features use {@link org.tribune.donation.DonationService} and
 * {@link org.tribune.donation.DonationEvents}.
 */
package org.tribune.donation;
