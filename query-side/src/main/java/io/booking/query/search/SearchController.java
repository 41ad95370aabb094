package io.booking.query.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
class SearchController {

    private final AdminSearch search;

    SearchController(AdminSearch search) {
        this.search = search;
    }

    /** A query, not a command: it is a POST only so that names and emails searched for stay out of URLs and logs. */
    @PostMapping("/api/admin/search")
    @Operation(summary = "Back-office search (admin): customers and guests whose name, email or phone contains the text, "
            + "and bookings whose reference or an attendee's name contains it, or that belong to a customer found; "
            + "at most 50 of each (`more` says there are others). Sent in the body so personal data stays out of URLs")
    SearchResult search(@Valid @RequestBody SearchRequest request) {
        return search.find(request.q());
    }

    /** @param q part of a name, email, phone number, booking reference or attendee's name; a whole id also finds */
    record SearchRequest(@NotNull @Size(min = 2, max = 100)
                         @Pattern(regexp = "(?s)\\s*\\S.*\\S\\s*", message = "must hold at least two characters besides spaces")
                         String q) {
    }
}
