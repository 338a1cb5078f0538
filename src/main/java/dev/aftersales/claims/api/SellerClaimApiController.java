package dev.aftersales.claims.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.Remedy;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.IdempotentAnswers;
import dev.aftersales.shared.web.IntegrationApi;
import dev.aftersales.shipping.Carrier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.ObjectMapper;

/**
 * The seller's open API on the shop's claims: an incremental feed, one claim whole, and the seller's moves, through
 * the same service, rules and deadlines as the claim page. Each move carries the claim's {@code version} (a stale one
 * is answered 409 {@code stale-version}) and may carry an {@code Idempotency-Key}. See {@code docs/seller-api.md}.
 */
@RestController
@IntegrationApi
@RequestMapping(path = "/api/v1/seller", produces = "application/json")
@Tag(name = "Seller claims 卖家售后单", description = "A shop's own systems (an ERP) read and answer the shop's claims "
        + "with the shop's API key in X-Api-Key. 商家系统（ERP）使用店铺的 API 密钥读取并处理本店售后单。")
class SellerClaimApiController {

    static final int BATCH_MAX = 100;

    private final ClaimManagement claims;
    private final ClaimViews views;
    private final IdempotentAnswers idempotent;
    private final SellerApiSettings settings;
    private final TransactionTemplate eachItem;
    private final ObjectMapper json;
    private final Clock clock;

    SellerClaimApiController(ClaimManagement claims, ClaimViews views, IdempotentAnswers idempotent,
            SellerApiSettings settings, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.claims = claims;
        this.views = views;
        this.idempotent = idempotent;
        this.settings = settings;
        this.eachItem = new TransactionTemplate(transactions);
        this.eachItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ reading

    @GetMapping("/claims")
    @Operation(summary = "The shop's claims that changed, oldest change first 增量拉取售后单",
            description = "Keyset paging: start with updatedSince (or nothing, for every claim), then pass the answer's "
                    + "nextCursor; while hasMore is true call again at once, otherwise keep nextCursor and poll later. "
                    + "A change appears once it is older than aftersales.seller-api.feed-settle (30 s), so none is "
                    + "skipped. 按变更时间排序的游标分页；hasMore 为 false 时保存 nextCursor 稍后再拉取。")
    SellerClaimJson.Feed feed(CurrentUser seller,
            @Parameter(description = "Only claims changed at or after this instant (ISO-8601), when no cursor is given")
            @RequestParam(required = false) Instant updatedSince,
            @Parameter(description = "Only claims now in these statuses (repeat the parameter)")
            @RequestParam(required = false) List<ClaimStatus> status,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "At most this many claims (1 to 200, default 100)")
            @RequestParam(defaultValue = "100") @Min(1) @Max(200) int limit) {
        FeedCursor from = cursor != null ? FeedCursor.parse(cursor)
                : new FeedCursor(updatedSince == null ? Instant.EPOCH : updatedSince.minusNanos(1000), Long.MAX_VALUE);
        int size = Math.min(limit, settings.pageMax());
        Instant until = clock.instant().minus(settings.feedSettle());
        Set<ClaimStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        List<Claim> page = claims.shopFeed(seller, from.at(), from.id(), until, statuses, size + 1);
        boolean more = page.size() > size;
        List<Claim> shown = more ? page.subList(0, size) : page;
        FeedCursor next = shown.isEmpty() ? from
                : new FeedCursor(shown.get(shown.size() - 1).updatedAt(), shown.get(shown.size() - 1).id());
        return new SellerClaimJson.Feed(shown.stream().map(SellerClaimJson.FeedItem::of).toList(), next.encode(), more);
    }

    @GetMapping("/claims/{number}")
    @Operation(summary = "One claim whole 售后单详情", description = "Lines, amounts in fen, who must act and by when, "
            + "the timeline, messages, evidence links and the moves allowed now.")
    SellerClaimJson claim(CurrentUser seller, @PathVariable String number) {
        return SellerClaimJson.of(views.detail(claims.shopClaimId(number, seller), seller));
    }

    @GetMapping(path = "/evidence/{id}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download an evidence file of one of the shop's claims 下载凭证文件")
    ResponseEntity<byte[]> evidence(CurrentUser seller, @PathVariable long id) {
        var file = claims.download(id, seller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .body(file.bytes());
    }

    // ------------------------------------------------------------------------------------------ moves

    @PostMapping(path = "/claims/{number}/accept", consumes = "application/json")
    @Operation(summary = "Accept the buyer's request 同意买家诉求", description = "Answers the claim as it is now.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = "{\"version\": 3}"))))
    ResponseEntity<?> accept(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String number, @Valid @RequestBody Versioned body) {
        return move(seller, request, key, body, number, id -> claims.accept(id, seller, body.version()));
    }

    @PostMapping(path = "/claims/{number}/proposals", consumes = "application/json")
    @Operation(summary = "Propose another remedy 提出其他方案",
            description = "REFUND with amountFen (a partial refund), RESHIP or EXCHANGE.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = "{\"version\": 3, \"remedy\": \"REFUND\", \"amountFen\": 1500, "
                            + "\"note\": \"Half the price back, keep the apples\"}"))))
    ResponseEntity<?> propose(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String number, @Valid @RequestBody ProposalRequest body) {
        return move(seller, request, key, body, number, id -> claims.propose(id, seller, body.version(),
                body.remedy(), body.amountFen() == null ? null : Money.fen(body.amountFen()), body.note()));
    }

    @PostMapping(path = "/claims/{number}/rejection", consumes = "application/json")
    @Operation(summary = "Reject with a reason and evidence 拒绝并说明理由",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = "{\"version\": 3, \"reason\": \"The parcel weighed 5.2 kg at "
                            + "pickup, the full order\", \"files\": [{\"name\": \"scale.jpg\", \"contentBase64\": "
                            + "\"/9j/4AAQ...\"}]}"))))
    ResponseEntity<?> reject(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String number, @Valid @RequestBody RejectionRequest body) {
        List<EvidenceUpload> files = uploads(body.files());
        return move(seller, request, key, body, number,
                id -> claims.reject(id, seller, body.version(), body.reason(), files));
    }

    @PostMapping(path = "/claims/{number}/return-inspection", consumes = "application/json")
    @Operation(summary = "Confirm the returned parcel with the inspection's result 确认收到退货并填写验货结果",
            description = "result AS_SOLD refunds what was agreed; USED, DAMAGED, PARTS_MISSING or WRONG_ITEM may "
                    + "offer a lower refund (refundFen) and should carry photos.")
    ResponseEntity<?> confirmReturn(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String number, @Valid @RequestBody InspectionRequest body) {
        List<EvidenceUpload> files = uploads(body.files());
        return move(seller, request, key, body, number, id -> claims.confirmReturn(id, seller, body.version(),
                body.result(), body.note(), body.refundFen() == null ? null : Money.fen(body.refundFen()), files));
    }

    @PostMapping(path = "/claims/{number}/reshipment", consumes = "application/json")
    @Operation(summary = "Reship the missing units (or the exchange) with a tracking number 补发并填写运单号",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = "{\"version\": 5, \"carrier\": \"SF\", "
                            + "\"trackingNumber\": \"SF1234567890123\"}"))))
    ResponseEntity<?> reship(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String number, @Valid @RequestBody ReshipRequest body) {
        return move(seller, request, key, body, number, id -> claims.reship(id, seller, body.version(),
                body.carrier(), body.trackingNumber().strip()));
    }

    @PostMapping(path = "/claims/{number}/messages", consumes = "application/json")
    @Operation(summary = "Write to the buyer on the claim 发送留言",
            description = "A message needs no version: it changes nothing the other side answers to.")
    ResponseEntity<?> message(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @PathVariable String number, @Valid @RequestBody MessageRequest body) {
        List<EvidenceUpload> files = uploads(body.files());
        return move(seller, request, key, body, number,
                id -> claims.addMessage(id, seller, body.body(), files));
    }

    @PostMapping(path = "/claims/batch-accept", consumes = "application/json")
    @Operation(summary = "Accept up to 100 claims, each on its own 批量同意",
            description = "Each item is carried out in its own transaction and answered on its own: status 200 with "
                    + "the claim's new version, or the status and code its single call would have had.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = "{\"items\": [{\"number\": \"AS10000001\", \"version\": 3}, "
                            + "{\"number\": \"AS10000002\", \"version\": 1}]}"))))
    ResponseEntity<?> batchAccept(CurrentUser seller, HttpServletRequest request,
            @RequestHeader(name = IdempotentAnswers.HEADER, required = false) String key,
            @Valid @RequestBody BatchRequest body) {
        return idempotent.once(key, fingerprint(request, body), () -> {
            List<BatchItemResult> results = new ArrayList<>();
            for (Versioned.Numbered item : body.items()) {
                results.add(batchItem(seller, item));
            }
            return ResponseEntity.ok(new BatchResult(results));
        });
    }

    private BatchItemResult batchItem(CurrentUser seller, Versioned.Numbered item) {
        try {
            long version = eachItem.execute(tx -> {
                long id = claims.shopClaimId(item.number(), seller);
                claims.accept(id, seller, item.version());
                return claims.claim(id, seller).version();
            });
            return new BatchItemResult(item.number(), 200, null, null, version);
        } catch (RuntimeException e) {
            SellerApiProblems.Problem problem = SellerApiProblems.of(e);
            if (problem == null) {
                throw e;
            }
            return new BatchItemResult(item.number(), problem.status().value(), problem.code(), problem.reason(),
                    null);
        }
    }

    private ResponseEntity<?> move(CurrentUser seller, HttpServletRequest request, String key, Object body,
            String number, LongConsumer work) {
        return idempotent.once(key, fingerprint(request, body), () -> {
            long id = claims.shopClaimId(number, seller);
            work.accept(id);
            return ResponseEntity.ok(SellerClaimJson.of(views.detail(id, seller)));
        });
    }

    private String fingerprint(HttpServletRequest request, Object body) {
        return request.getMethod() + " " + request.getRequestURI() + " " + json.writeValueAsString(body);
    }

    private static List<EvidenceUpload> uploads(List<FileJson> files) {
        if (files == null) {
            return List.of();
        }
        List<EvidenceUpload> uploads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileJson file = files.get(i);
            try {
                uploads.add(new EvidenceUpload(file.name(), Base64.getMimeDecoder().decode(file.contentBase64())));
            } catch (IllegalArgumentException e) {
                throw new SellerApiProblems.BadFile("files[" + i + "].contentBase64");
            }
        }
        return uploads;
    }

    // ------------------------------------------------------------------------------------------ bodies

    /** A move that needs nothing but the claim's version. */
    record Versioned(@NotNull Long version) {

        /** One claim of a batch. */
        record Numbered(@NotBlank @Size(max = 16) String number, @NotNull Long version) {
        }
    }

    /** A file as base64 (at most 10 MB once decoded, the evidence limits apply). */
    record FileJson(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 42_000_000) String contentBase64) {
    }

    record ProposalRequest(@NotNull Long version, @NotNull Remedy remedy,
            @PositiveOrZero @Max(100_000_000_000L) Long amountFen, @Size(max = 2000) String note) {
    }

    record RejectionRequest(@NotNull Long version, @NotBlank @Size(max = 2000) String reason,
            @Size(max = 9) List<@Valid FileJson> files) {
    }

    record InspectionRequest(@NotNull Long version, @NotNull InspectionResult result, @Size(max = 2000) String note,
            @PositiveOrZero @Max(100_000_000_000L) Long refundFen, @Size(max = 9) List<@Valid FileJson> files) {
    }

    record ReshipRequest(@NotNull Long version, @NotNull Carrier carrier,
            @NotBlank @Size(max = 40) String trackingNumber) {
    }

    record MessageRequest(@Size(max = 2000) String body, @Size(max = 9) List<@Valid FileJson> files) {
    }

    record BatchRequest(@NotEmpty @Size(max = BATCH_MAX) List<Versioned.@Valid Numbered> items) {
    }

    /** One item's answer: 200 and the new version, or the problem's status, code and reason. */
    record BatchItemResult(String number, int status, String code, String reason, Long version) {
    }

    record BatchResult(List<BatchItemResult> items) {
    }

    /** Where the feed goes on from: after this (change time, claim id). Opaque to callers. */
    record FeedCursor(Instant at, long id) {

        String encode() {
            long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static FeedCursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
                long micros = Long.parseLong(parts[0]);
                return new FeedCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new SellerApiProblems.BadCursor();
            }
        }
    }
}
