package dev.aftersales.shipping.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.aftersales.shared.web.IntegrationApi;
import dev.aftersales.shared.web.SaneInstant;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.ordering.UnknownReference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The storefront and carriers report parcels and their scans. Sending the same request twice changes nothing. */
@RestController
@IntegrationApi
@RequestMapping(path = "/api/v1/shipments", produces = "application/json")
@Tag(name = "Shipments", description = "Parcels and carrier tracking events")
class ShipmentApiController {

    private final ShippingManagement shipping;

    ShipmentApiController(ShippingManagement shipping) {
        this.shipping = shipping;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Record an order's parcel",
            description = "201 when recorded, 200 when this parcel of this order was recorded before; 409 when "
                    + "the tracking number belongs to another parcel, or when the order no longer takes a parcel: "
                    + "an order ships with one outbound parcel (code order-already-shipped, order-delivered, "
                    + "order-cancelled); 422 when it does not fit the carrier's format.")
    ResponseEntity<ShipmentResponse> register(@Valid @RequestBody ShipmentRequest request) {
        var registration = shipping.registerFromStorefront(request.orderNumber(), request.carrier(),
                request.trackingNumber(), request.shippedAt());
        ShipmentResponse body = ShipmentResponse.of(registration.shipment());
        if (registration.created()) {
            return ResponseEntity.created(URI.create("/api/v1/shipments/" + body.trackingNumber())).body(body);
        }
        return ResponseEntity.ok(body);
    }

    @PostMapping(path = "/{trackingNumber}/events", consumes = "application/json")
    @Operation(summary = "Record a carrier scan, optionally with the measured parcel weight",
            description = "201 when the scan is new, 200 when the same scan (same eventId, or same time, kind and "
                    + "location) was recorded before; 404 for an unknown tracking number.")
    ResponseEntity<ShipmentResponse> event(@PathVariable String trackingNumber,
            @Valid @RequestBody EventRequest request) {
        boolean added = shipping.recordEvent(trackingNumber, new ShippingManagement.ScanReport(request.eventId(),
                request.occurredAt(), request.kind(), request.location(), request.description(),
                request.weightGrams()));
        ShipmentResponse body = ShipmentResponse.of(shipping.byTrackingNumber(trackingNumber)
                .orElseThrow(() -> new UnknownReference("trackingNumber", "No parcel " + trackingNumber)));
        return added ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    record ShipmentRequest(@NotBlank @Size(max = 64) String orderNumber, @NotNull Carrier carrier,
            @NotBlank @Size(max = 40) String trackingNumber, @SaneInstant Instant shippedAt) {
    }

    record EventRequest(@Size(max = 100) String eventId, @NotNull @SaneInstant Instant occurredAt, @NotNull TrackingEventKind kind,
            @Size(max = 100) String location, @Size(max = 300) String description,
            @Positive @Max(1_000_000) Integer weightGrams) {
    }

    record ShipmentResponse(long id, String carrier, String trackingNumber, String direction,
            String status, Instant shippedAt, Integer measuredWeightGrams, Instant deliveredAt, List<Scan> events) {

        static ShipmentResponse of(ShipmentView s) {
            return new ShipmentResponse(s.id(), s.carrier().name(), s.trackingNumber(),
                    s.direction().name(), s.status().name(), s.shippedAt(), s.measuredWeightGrams(), s.deliveredAt(),
                    s.scans().stream().map(e -> new Scan(e.occurredAt(), e.kind().name(), e.location(),
                            e.description(), e.weightGrams())).toList());
        }
    }

    record Scan(Instant occurredAt, String kind, String location, String description, Integer weightGrams) {
    }
}
