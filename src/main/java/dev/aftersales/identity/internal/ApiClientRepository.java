package dev.aftersales.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.aftersales.identity.ApiClient;

public interface ApiClientRepository extends JpaRepository<ApiClient, Long> {

    Optional<ApiClient> findByKeyHash(String keyHash);

    Optional<ApiClient> findByName(String name);

    List<ApiClient> findAllByOrderByCreatedAtDesc();
}
