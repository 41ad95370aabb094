package io.booking.query.web;

import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageView<T> of(Page<E> page, Function<? super E, T> mapper) {
        return new PageView<>(
                page.getContent().stream().<T>map(mapper).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements(),
                page.getTotalPages());
    }
}
