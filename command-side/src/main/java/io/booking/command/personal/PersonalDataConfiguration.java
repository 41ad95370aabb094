package io.booking.command.personal;

import io.booking.shared.personal.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PersonalDataConfiguration {

    @Bean
    public PersonalDataCipher personalDataCipher(PersonalDataKeyStore keys) {
        return new PersonalDataCipher(keys);
    }
}
