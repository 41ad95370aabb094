package io.booking.command.web;

import io.booking.command.consistency.ConsistencyToken;
import io.booking.platform.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Booking command API",
                        version = "1",
                        contact = @Contact(name = "Booking backend"),
                        description =
                                "Commands change state and answer with X-Consistency-Token, the event-store position of "
                                        + "their last event; pass it to the query API to read your own write. Refusals are "
                                        + "application/problem+json naming the field or the rule."),
        security = @SecurityRequirement(name = "bearer"),
        tags = {
            @Tag(
                    name = "events",
                    description = "Scheduling events, their ticket types, capacity and cancellation (admin)"),
            @Tag(name = "bookings", description = "Booking, cancelling, transferring, attendance"),
            @Tag(name = "waiting-list", description = "Waiting for sold-out ticket types and taking offered seats"),
            @Tag(name = "orders", description = "Checking out bookings for several events at once"),
            @Tag(name = "guests", description = "Booking without an account, and what admins do with guest bookings"),
            @Tag(name = "accounts", description = "Registration, login, password reset, own details, deletion")
        })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class OpenApiConfiguration {

    @Bean
    OperationCustomizer problemResponses() {
        return ProblemResponses.documenting(true, "400", "401", "403", "404", "409", "413", "422", "503");
    }

    /**
     * A command answered 200 (a change, not a creation) carries the consistency token too, in the header as in the
     * answer's {@code consistencyToken}: described wherever the answer has that field.
     */
    @Bean
    OperationCustomizer consistencyTokenOnChanges() {
        return (operation, handlerMethod) -> {
            ApiResponse ok = operation.getResponses().get("200");
            if (ok != null && answersWithToken(handlerMethod.getMethod().getGenericReturnType())) {
                ok.addHeaderObject(
                        ConsistencyToken.HEADER,
                        new Header()
                                .schema(new IntegerSchema().format("int64"))
                                .description("event-store position of this command's last event; pass it to a query "
                                        + "to read your write"));
            }
            return operation;
        };
    }

    private static boolean answersWithToken(Type returnType) {
        Type body = returnType instanceof ParameterizedType entity ? entity.getActualTypeArguments()[0] : returnType;
        return body instanceof Class<?> type
                && type.isRecord()
                && Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> component.getName().equals("consistencyToken"));
    }
}
