package org.tribune.admission;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.donation.DonationEvents;

/**
 * Donors come first: a confirmed payment marks its donor, and a waiting donor is admitted at once. In the same
 * transaction as the payment, so a donor is never recorded as paid yet left waiting (a failure rolls the webhook
 * back and the payment provider delivers it again).
 */
@Component
class DonorAdmission {
    private final AdmissionService admission;

    DonorAdmission(AdmissionService admission) {
        this.admission = admission;
    }

    @EventListener
    void on(DonationEvents.DonationConfirmed event) {
        if (event.accountId() != null) {
            admission.markDonor(event.accountId());
        }
    }
}
