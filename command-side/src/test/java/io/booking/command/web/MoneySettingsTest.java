package io.booking.command.web;

import io.booking.platform.MoneySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The currency is checked at start: one that is unknown, or has more decimals than amounts keep, stops it. */
class MoneySettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @EnableConfigurationProperties(MoneySettings.class)
    static class Settings {}

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "XYZ", "KWD"})
    void aCurrencyAmountsCannotBeKeptInStopsTheStart(String currency) {
        context.withPropertyValues("booking.money.currency=" + currency)
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void anIso4217CurrencyWithTwoDecimalsOrFewerIsTaken() {
        context.withPropertyValues("booking.money.currency=JPY")
                .run(started -> assertThat(started.getBean(MoneySettings.class).currency())
                        .isEqualTo("JPY"));
    }
}
