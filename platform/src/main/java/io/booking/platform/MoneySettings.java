package io.booking.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.Currency;

/**
 * {@code booking.money} (default in each side's yml), registered by {@link Money}.
 *
 * @param currency the ISO 4217 code of every price, total and revenue of this deployment; both sides must agree, and
 *                 it is set once (the stored amounts do not say it): amounts are kept with two decimals, so a currency
 *                 with more minor digits is refused at start
 */
@ConfigurationProperties("booking.money")
@Validated
public record MoneySettings(
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public MoneySettings {
        if (currency != null && currency.matches("[A-Z]{3}")) {
            if (Currency.getAvailableCurrencies().stream()
                    .noneMatch(known -> known.getCurrencyCode().equals(currency))) {
                throw new IllegalArgumentException("booking.money.currency " + currency + " is no ISO 4217 currency");
            }
            if (Currency.getInstance(currency).getDefaultFractionDigits() > 2) {
                throw new IllegalArgumentException("booking.money.currency " + currency
                        + " has more than two decimals; amounts are kept with two");
            }
        }
    }
}
