package org.tribune.donation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe when its secret key is set, the offline mode otherwise. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentConfiguration.class);

    @Bean
    PaymentProvider paymentProvider(@Value("${tribune.stripe.secret-key:}") String secretKey,
            @Value("${tribune.stripe.webhook-secret:}") String webhookSecret, @Value("${tribune.base-url}") String baseUrl) {
        if (!secretKey.isBlank() && webhookSecret.isBlank()) {
            log.warn("TRIBUNE_STRIPE_SECRET_KEY is set but TRIBUNE_STRIPE_WEBHOOK_SECRET is not: "
                    + "Stripe's webhook deliveries will be refused and no payment will be confirmed");
        }
        log.info(secretKey.isBlank() ? "Donations: offline mode (no Stripe key); payments are test payments"
                : "Donations: Stripe Checkout");
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return secretKey.isBlank() ? new OfflineProvider(base) : new StripeProvider(secretKey, base);
    }
}
