package io.booking.query.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** The {@code page} and {@code size} query parameters of every paged endpoint. */
public record PageQuery(
        @Parameter(description = "zero-based page number, at most 1,000,000") @Min(0) @Max(MAX_PAGE)
        Integer page,

        @Parameter(description = "rows per page, 1 to 100") @Min(1) @Max(100)
        Integer size) {

    /** Keeps the row offset (page × size, at most 100 a page) within what a query's offset can hold. */
    static final int MAX_PAGE = 1_000_000;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public Pageable pageable() {
        return PageRequest.of(page, size);
    }
}
