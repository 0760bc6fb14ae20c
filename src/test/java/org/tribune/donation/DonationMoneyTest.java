package org.tribune.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tribune.platform.InvalidInput;

class DonationMoneyTest {

    @Test
    void amountsAreReadAsMajorUnitsWithAtMostTwoDecimals() {
        assertThat(Money.parseMajor("13")).isEqualTo(1300);
        assertThat(Money.parseMajor(" 12,5 ")).isEqualTo(1250);
        assertThat(Money.parseMajor("0.01")).isEqualTo(1);
        assertThat(Money.parseMajor("1.234")).isNull();
        assertThat(Money.parseMajor("ten")).isNull();
        assertThat(Money.parseMajor("")).isNull();
        assertThat(Money.parseMajor("1e400")).isNull();
        assertThat(Money.parseMajor("9".repeat(40))).isNull();
    }

    @Test
    void amountsAreShownInTheReadersLanguageAndPlainInFiles() {
        assertThat(new Money(1300, "USD").format(Locale.ENGLISH)).isEqualTo("$13.00");
        assertThat(new Money(1200, "EUR").format(Locale.FRENCH)).contains("12,00").contains("€");
        assertThat(new Money(-125, "GBP").plain()).isEqualTo("-1.25");
    }

    @Test
    void aDonationRequestNeedsOneUnitAnAcceptedCurrencyAndAKnownInterval() {
        assertThat(DonationRequest.check("100", "GBP", "ONE_TIME", "k")).isEqualTo(new DonationRequest(100, "GBP", DonationInterval.ONE_TIME));
        assertThatThrownBy(() -> DonationRequest.check("99", "JPY", "WEEKLY", "k")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.byField()).containsOnlyKeys("amount", "currency", "interval"));
        assertThatThrownBy(() -> DonationRequest.check("100000001", "USD", "MONTHLY", "k")).isInstanceOf(InvalidInput.class);
        assertThat(DonationRequest.check("1300", "USD", "MONTHLY", "a").canonical())
                .isEqualTo(DonationRequest.check("1300", "USD", "MONTHLY", "b").canonical())
                .isNotEqualTo(DonationRequest.check("1300", "USD", "YEARLY", "a").canonical());
    }
}
