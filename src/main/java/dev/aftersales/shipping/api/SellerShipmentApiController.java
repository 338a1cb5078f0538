package dev.aftersales.shipping.api;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.web.IdempotentAnswers;
import dev.aftersales.shared.web.IntegrationApi;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.ObjectMapper;

/** A shop's own system ships the shop's orders, as the seller does on the order's page. */
@RestController
@IntegrationApi
@RequestMapping(path = "/api/v1/seller/orders", produces = "application/json")
@Tag(name = "Seller orders 卖家订单", description = "Ship the shop's orders with the shop's API key (scope orders:ship). "
        + "使用店铺 API 密钥为本店订单发货。")
class SellerShipmentApiController {

    private final ShippingManagement shipping;
    private final OrderManagement orders;
    private final IdempotentAnswers idempotent;
    private final ObjectMapper json;

    SellerShipmentApiController(ShippingManagement shipping, OrderManagement orders, IdempotentAnswers idempotent,
            ObjectMapper json) {
        this.shipping = shipping;
        this.orders = orders;
        this.idempotent = idempotent;
        this.json = json;
    }

    @PostMapping(path = "/{orderNumber}/shipments", consumes = "application/json")
    @Operation(summary = "Ship an order with its carrier and tracking number 订单发货",
            description = "201 with the parcel. Another shop's order is 404; an order already shipped or cancelled is "
                    + "409 with its code; a number that does not fit the carrier is 422.")
    ResponseEntity<?> ship(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String orderNumber, @Valid @RequestBody ShipRequest body) {
        String fingerprint = request.getMethod() + " " + request.getRequestURI() + " " + json.writeValueAsString(body);
        return idempotent.once(key, fingerprint, () -> {
            var order = orders.byNumber(orderNumber).filter(o -> seller.isSellerOf(o.shopId()))
                    .orElseThrow(() -> new NotFound("Order", orderNumber));
            var parcel = shipping.ship(order.id(), seller, body.carrier(), body.trackingNumber().strip());
            return ResponseEntity.created(URI.create("/api/v1/shipments/" + parcel.trackingNumber()))
                    .body(ShipmentApiController.ShipmentResponse.of(parcel));
        });
    }

    record ShipRequest(@NotNull Carrier carrier, @NotBlank @Size(max = 40) String trackingNumber) {
    }
}
