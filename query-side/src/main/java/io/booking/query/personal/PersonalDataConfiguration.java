package io.booking.query.personal;

import io.booking.shared.personal.PersonalDataCipher;
import io.booking.shared.personal.PersonalDataKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }
}
