package org.tribune.donation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** An amount in minor units (cents, pence) of one of the currencies Tribune accepts. */
public record Money(long minor, String currency) {
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");
    /** A million units: a bound on input, well above any gift we expect. */
    static final long MAX_MINOR = 100_000_000L;

    static boolean accepted(String currency) {
        return currency != null && CURRENCIES.contains(currency);
    }

    /** Parses "13", "13.5" or "13,50" as major units; null when it is not an amount with at most two decimals. */
    static Long parseMajor(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 15) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace(',', '.'));
            if (value.scale() > 2) {
                return null;
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** For the reader: "13,00 €", "$13.00". */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(BigDecimal.valueOf(minor, 2));
    }

    /** For files: "13.00", with a point whatever the language. */
    public String plain() {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
