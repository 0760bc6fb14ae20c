package org.tribune.donation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe when its secret key is set, the offline mode otherwise. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    PaymentProvider paymentProvider(@Value("${tribune.stripe.secret-key:}") String secretKey,
            @Value("${tribune.base-url}") String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return secretKey.isBlank() ? new OfflineProvider(base) : new StripeProvider(secretKey, base);
    }
}
