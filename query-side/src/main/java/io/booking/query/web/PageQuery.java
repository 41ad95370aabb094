package io.booking.query.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** The {@code page} and {@code size} query parameters of every paged endpoint. */
public record PageQuery(@Parameter(description = "zero-based page number") @Min(0) Integer page,
                        @Parameter(description = "rows per page, 1 to 100") @Min(1) @Max(100) Integer size) {

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public Pageable pageable() {
        return PageRequest.of(page, size);
    }
}
