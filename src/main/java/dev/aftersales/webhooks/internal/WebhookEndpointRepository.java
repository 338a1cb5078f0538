package dev.aftersales.webhooks.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

    List<WebhookEndpoint> findByShopIdOrderByIdDesc(long shopId);

    List<WebhookEndpoint> findByShopIdIsNullOrderByIdDesc();
}
