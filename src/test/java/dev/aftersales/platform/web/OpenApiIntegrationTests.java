package dev.aftersales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.aftersales.support.AftersalesIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The API description an ERP developer reads: every seller call, its key, its examples, in both languages. */
@AftersalesIntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theDescriptionHoldsEverySellerCallWithItsKeyAndExamples() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode api = new ObjectMapper().readTree(body);

        List<String> paths = new ArrayList<>();
        api.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/v1/seller/claims", "/api/v1/seller/claims/{number}",
                "/api/v1/seller/claims/{number}/accept", "/api/v1/seller/claims/{number}/proposals",
                "/api/v1/seller/claims/{number}/rejection", "/api/v1/seller/claims/{number}/return-inspection",
                "/api/v1/seller/claims/{number}/reshipment", "/api/v1/seller/claims/{number}/messages",
                "/api/v1/seller/claims/batch-accept", "/api/v1/seller/orders/{orderNumber}/shipments",
                "/api/v1/seller/evidence/{id}");
        assertThat(api.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        JsonNode accept = api.at("/paths/~1api~1v1~1seller~1claims~1{number}~1accept/post");
        assertThat(accept.at("/parameters").toString()).contains("Idempotency-Key");
        assertThat(accept.at("/requestBody").toString()).contains("\"example\":{\"version\":3}")
                .contains("#/components/schemas/Versioned");
        assertThat(api.at("/paths/~1api~1v1~1seller~1claims/get/parameters").toString()).doesNotContain("CurrentUser");
        assertThat(api.at("/paths/~1api~1v1~1seller~1claims/get/summary").asString()).contains("增量拉取售后单");
    }
}
