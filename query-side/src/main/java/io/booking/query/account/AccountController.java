package io.booking.query.account;

import io.booking.query.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@Tag(name = "accounts")
@RestController
@SecurityRequirement(name = "bearer")
class AccountController {

    private final CustomerContacts contacts;

    AccountController(CustomerContacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/api/accounts/me")
    @Operation(
            operationId = "getMyAccount",
            summary = "The caller's own details, in the shape PUT /api/accounts/me (command side) takes them",
            description = "PUT replaces the whole of them: read them here, change what is to change, send them back. "
                    + "With the consistency token of a change, answered once that change is read here. 404 for a "
                    + "deleted account.")
    MyAccount mine(Authentication authentication) {
        CustomerContacts.Contact contact =
                contacts.of(authentication.getName()).orElseThrow(() -> new NotFoundException("No such account."));
        return new MyAccount(
                authentication.getName(), contact.name(), contact.email(), contact.phone(), contact.customFields());
    }

    /** @param customFields the organiser's own account fields (e.g. a membership number) */
    record MyAccount(
            String accountId,
            String name,
            String email,
            @Nullable String phone,
            Map<String, String> customFields) {

        @Override
        public String toString() {
            return "MyAccount[redacted]";
        }
    }
}
