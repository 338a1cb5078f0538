package dev.aftersales.platform.config;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import dev.aftersales.shared.CurrentUser;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The API's description at {@code /v3/api-docs} (and {@code /swagger-ui.html}): every call needs a key in
 * {@code X-Api-Key} — an integration client's (storefront, carriers) or a shop's (the seller API).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Aftersales API 售后服务台 API", version = "v1",
        description = "The integration API (orders, parcels, scans: an integration client's key) and the seller API "
                + "(a shop's claims and orders: a key the shop creates on its API keys page). Amounts are integers "
                + "in fen; errors are application/problem+json with a stable code. Guide: docs/seller-api.md. "
                + "集成接口（订单、包裹、物流轨迹）与卖家接口（本店售后单与订单）；金额以分为单位；错误为带稳定 code 的 "
                + "problem+json。"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-Api-Key")
class OpenApiConfiguration {

    static {
        // the signed-in user is resolved from the key, never sent by the caller
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }
}
