package dev.aftersales.ordering.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.web.CurrencyCode;
import dev.aftersales.shared.web.InputLimits;
import dev.aftersales.shared.web.IntegrationApi;
import dev.aftersales.shared.web.SaneInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The storefront reports paid orders and cancellations. Amounts are integers in minor units (fen). Sending the same
 * request twice gives the same result: 201 the first time, 200 after.
 */
@RestController
@IntegrationApi
@RequestMapping(path = "/api/v1/orders", produces = "application/json")
@Tag(name = "Orders", description = "Paid orders from the storefront")
class OrderApiController {

    /** The largest amount in fen the desk records (¥1,000,000,000.00). */
    static final String MAX_AMOUNT = "must be at most 100000000000 (fen)";

    private final OrderManagement orders;

    OrderApiController(OrderManagement orders) {
        this.orders = orders;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Record a paid order (upsert by order number)",
            description = "Creates the order (201) or confirms it (200). Lines and payment cannot change once "
                    + "recorded (409); the delivery address may change until the order ships.")
    ResponseEntity<OrderResponse> upsert(@Valid @RequestBody OrderRequest request) {
        var outcome = orders.upsert(request.toStorefrontOrder());
        OrderResponse body = OrderResponse.of(outcome.order());
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/orders/" + body.orderNumber())).body(body);
        }
        return ResponseEntity.ok(body);
    }

    @PostMapping(path = "/{orderNumber}/cancellations", consumes = "application/json")
    @Operation(summary = "Report that a paid, unshipped order was cancelled (e.g. OVERSOLD)",
            description = "201 when this cancelled the order, 200 when it was already cancelled for the same "
                    + "reason, 409 when it has shipped or was cancelled for another reason.")
    ResponseEntity<OrderResponse> cancel(@PathVariable String orderNumber,
            @Valid @RequestBody CancellationRequest request) {
        var outcome = orders.cancel(orderNumber, request.reason(), request.note(), "STOREFRONT");
        OrderResponse body = OrderResponse.of(outcome.order());
        return outcome.changed() ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    record OrderRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
            String orderNumber,
            @NotBlank @Size(max = 32) String shopCode,
            @NotNull @Valid Buyer buyer,
            @CurrencyCode String currency,
            @NotNull @PositiveOrZero @Max(value = InputLimits.MAX_AMOUNT_MINOR, message = MAX_AMOUNT) Long paidAmount,
            @PositiveOrZero @Max(value = InputLimits.MAX_AMOUNT_MINOR, message = MAX_AMOUNT) Long shippingFee,
            @NotNull @SaneInstant Instant paidAt,
            @NotNull @Valid Delivery delivery,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

        StorefrontOrder toStorefrontOrder() {
            return new StorefrontOrder(orderNumber, shopCode, buyer.id(), buyer.name(), buyer.phone(),
                    currency == null ? "CNY" : currency, paidAmount, shippingFee == null ? 0 : shippingFee, paidAt,
                    delivery.recipient(), delivery.phone(), delivery.address(),
                    lines.stream().map(l -> new StorefrontOrder.Line(l.sku(), l.title(), l.quantity(),
                            l.unitPrice(), l.paidAmount())).toList());
        }
    }

    record Buyer(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 100) String name,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 -]{5,32}", message = "a phone number") String phone) {
    }

    record Delivery(@NotBlank @Size(max = 100) String recipient,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 -]{5,32}", message = "a phone number") String phone,
            @NotBlank @Size(max = 300) String address) {
    }

    record Line(@NotBlank @Size(max = 64) String sku, @Size(max = 200) String title,
            @Min(1) @Max(9999) int quantity,
            @NotNull @PositiveOrZero @Max(value = InputLimits.MAX_AMOUNT_MINOR, message = MAX_AMOUNT) Long unitPrice,
            @PositiveOrZero @Max(value = InputLimits.MAX_AMOUNT_MINOR, message = MAX_AMOUNT) Long paidAmount) {
    }

    record CancellationRequest(@NotNull CancellationReason reason, @Size(max = 500) String note) {
    }

    record OrderResponse(long id, String orderNumber, String status, long paidAmount, String currency,
            Instant paidAt, Instant shipBy, String cancellationReason, Instant cancelledAt, List<LineResponse> lines) {

        static OrderResponse of(OrderDetails o) {
            return new OrderResponse(o.id(), o.orderNumber(), o.status().name(), o.paid().minor(),
                    o.paid().currency().getCurrencyCode(), o.paidAt(), o.shipBy(),
                    o.cancellationReason() == null ? null : o.cancellationReason().name(), o.cancelledAt(),
                    o.lines().stream().map(l -> new LineResponse(l.lineNo(), l.sku(), l.title(), l.quantity(),
                            l.unitPrice().minor(), l.paid().minor())).toList());
        }
    }

    record LineResponse(int lineNo, String sku, String title, int quantity, long unitPrice, long paidAmount) {
    }
}
