package io.booking.query.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin")
@RestController
@SecurityRequirement(name = "bearer")
class SearchController {

    private final AdminSearch search;

    SearchController(AdminSearch search) {
        this.search = search;
    }

    /** A query, not a command: it is a POST only so that names and emails searched for stay out of URLs and logs. */
    @PostMapping("/api/admin/search")
    @Operation(
            operationId = "search",
            summary = "Back-office search (admin): customers and guests whose name, email or phone contains the text, "
                    + "and bookings whose reference or an attendee's name does, or that belong to a customer found; when nothing "
                    + "holds the text and it looks like a name, customers whose name holds a word like it (a typo or two) and "
                    + "their bookings. Ranked (a whole reference or id first, then whole values, then parts, then similar words) "
                    + "and paged, the same page of each list (`more` says a later page has more). Sent in the body so personal "
                    + "data stays out of URLs")
    SearchResult search(@Valid @RequestBody SearchRequest request) {
        return search.find(request.q(), request.page(), request.size());
    }

    /**
     * @param q    part of a name, email, phone number, booking reference or attendee's name; a whole id also finds
     * @param page zero-based page of each list, at most 19 (matches of each kind are ranked among their first 1,000)
     * @param size matches of each kind per page, 1 to 50 (default 50)
     */
    record SearchRequest(
            @NotNull
            @Size(min = 3, max = 100)
            @Pattern(
                    regexp = "^\\s*\\S\\s*\\S\\s*\\S[\\s\\S]*$",
                    message = "must hold at least three characters besides spaces")
            String q,

            @Min(0) @Max(19) Integer page,
            @Min(1) @Max(50) Integer size) {

        SearchRequest {
            page = page == null ? 0 : page;
            size = size == null ? 50 : size;
        }
    }
}
