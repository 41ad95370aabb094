package io.booking.query.order;

import io.booking.query.security.Caller;
import io.booking.query.web.PageQuery;
import io.booking.query.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "orders")
@RestController
@SecurityRequirement(name = "bearer")
class OrderController {

    private final OrderProjection orders;

    OrderController(OrderProjection orders) {
        this.orders = orders;
    }

    @GetMapping("/api/my/orders")
    @Operation(
            operationId = "myOrders",
            summary = "The caller's orders, newest first: date, reference, total and each booking's status")
    PageView<OrderView> myOrders(@Valid @ParameterObject PageQuery page, Authentication authentication) {
        return orders.ordersOf(authentication.getName(), page.pageable());
    }

    @GetMapping("/api/orders/{reference}")
    @Operation(operationId = "getOrder", summary = "One order of the caller (admins: any order)")
    OrderView order(@PathVariable String reference, Authentication authentication) {
        return orders.order(reference, Caller.of(authentication));
    }

    @GetMapping("/api/admin/customers/{customerId}/orders")
    @Operation(operationId = "customerOrders", summary = "A customer's orders (admin)")
    PageView<OrderView> customerOrders(@PathVariable UUID customerId, @Valid @ParameterObject PageQuery page) {
        return orders.ordersOf(customerId.toString(), page.pageable());
    }
}
