package org.tribune.donation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tribune.platform.SiteAddress;

/** Stripe when its secret key is set, the offline mode otherwise. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentConfiguration.class);

    @Bean
    PaymentProvider paymentProvider(@Value("${tribune.stripe.secret-key:}") String secretKey,
            @Value("${tribune.stripe.webhook-secret:}") String webhookSecret, SiteAddress site) {
        if (!secretKey.isBlank() && webhookSecret.isBlank()) {
            log.warn("TRIBUNE_STRIPE_SECRET_KEY is set but TRIBUNE_STRIPE_WEBHOOK_SECRET is not: "
                    + "Stripe's webhook deliveries will be refused and no payment will be confirmed");
        }
        log.info(secretKey.isBlank() ? "Donations: offline mode (no Stripe key); payments are test payments"
                : "Donations: Stripe Checkout");
        String base = site.base();
        return secretKey.isBlank() ? new OfflineProvider(base) : new StripeProvider(secretKey, base);
    }
}
