package io.booking.command.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The security settings are checked at start: a value out of range stops it instead of weakening every password. */
class SecuritySettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "booking.security.issuer=booking-command-side",
                    "booking.security.token-ttl=PT1H",
                    "booking.security.refresh-token-ttl=P30D",
                    "booking.security.password-version-cache=PT10S");

    @EnableConfigurationProperties(SecuritySettings.class)
    static class Settings {}

    @Test
    void aTooCheapPasswordHashStopsTheStart() {
        context.withPropertyValues("booking.security.bcrypt-strength=3")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void settingsInRangeAreTaken() {
        context.withPropertyValues("booking.security.bcrypt-strength=12")
                .run(started -> assertThat(
                                started.getBean(SecuritySettings.class).bcryptStrength())
                        .isEqualTo(12));
    }
}
