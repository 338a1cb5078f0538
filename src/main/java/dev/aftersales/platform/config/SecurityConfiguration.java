package dev.aftersales.platform.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dev.aftersales.identity.AccountUserDetailsService;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.ApiKeyThrottle;
import dev.aftersales.identity.LoginLocked;
import dev.aftersales.identity.LoginThrottle;
import dev.aftersales.identity.SellerApiKeys;
import dev.aftersales.identity.ThrottledAuthenticationProvider;
import dev.aftersales.platform.web.DatabaseUnavailable;

/**
 * Four filter chains: the seller API (a shop's key, its scopes), the integration API (API key, stateless,
 * problem+json), the actuator (health open, the rest for admins over HTTP Basic), and the pages (form login, CSRF,
 * one URL space per role).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Where the demo's webhook receiver listens (dev.aftersales.webhooks.demo); deliveries carry no CSRF token. */
    static final String DEMO_WEBHOOK_RECEIVER = "/demo/webhook-receiver";

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle) {
        ProviderManager manager = new ProviderManager(
                ThrottledAuthenticationProvider.forAccounts(users, passwordEncoder, throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * A shop's own systems: reading claims needs {@code claims:read}, answering them {@code claims:answer}, shipping
     * orders {@code orders:ship}. A key without the scope is answered 403 with code {@code scope-missing}.
     */
    @Bean
    @Order(0)
    SecurityFilterChain sellerApi(HttpSecurity http, SellerApiKeys keys, ApiKeyThrottle throttle) throws Exception {
        http.securityMatcher("/api/v1/seller/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults())
                .addFilterBefore(ApiKeyAuthenticationFilter.forSellerKeys(keys, throttle), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/seller/claims/**", "/api/v1/seller/claims",
                                "/api/v1/seller/evidence/**")
                        .hasAuthority(ApiScope.CLAIMS_READ.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/seller/claims/**")
                        .hasAuthority(ApiScope.CLAIMS_ANSWER.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/seller/orders/**")
                        .hasAuthority(ApiScope.ORDERS_SHIP.authority())
                        .anyRequest().hasRole("SELLER_API"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problemWithCode(response, 401,
                                "Unauthorized", "A valid seller API key is required in the X-Api-Key header",
                                "api-key-invalid"))
                        .accessDeniedHandler((request, response, ex) -> problemWithCode(response, 403, "Forbidden",
                                "This API key does not hold the scope this call needs", "scope-missing")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain integrationApi(HttpSecurity http, ApiClientManagement clients, ApiKeyThrottle throttle)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults())
                .addFilterBefore(ApiKeyAuthenticationFilter.forClients(clients, throttle), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("INTEGRATION"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, 401,
                                "Unauthorized", "A valid API key is required in the X-Api-Key header"))
                        .accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
                                "This API key may not do this")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
            ApplicationAvailability availability) throws Exception {
        // the throttled manager, not one Spring Security would build from the user details service
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                        "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                // the demo's webhook receiver (demo profile only; elsewhere nothing answers there): signed, not signed in
                .requestMatchers(HttpMethod.POST, DEMO_WEBHOOK_RECEIVER).permitAll()
                .requestMatchers("/buyer/**").hasRole("BUYER")
                .requestMatchers("/seller/**").hasRole("SELLER")
                .requestMatchers("/agent/**").hasRole("AGENT")
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(DEMO_WEBHOOK_RECEIVER))
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(new RoleHomeSuccessHandler())
                        .failureHandler(failureHandler(availability))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    private static AuthenticationFailureHandler failureHandler(ApplicationAvailability availability) {
        return (request, response, exception) -> {
            if (DatabaseUnavailable.isCause(exception)) {
                throw exception; // not a wrong password: the accounts cannot be read (503)
            }
            // while the desk is still starting (loading its demo data) an account may not exist yet: say so
            String refusal = exception instanceof LoginLocked ? "locked"
                    : availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC ? "starting" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + refusal);
        };
    }

    static void problem(HttpServletResponse response, int status, String title, String detail)
            throws java.io.IOException {
        problemWithCode(response, status, title, detail, null);
    }

    static void problemWithCode(HttpServletResponse response, int status, String title, String detail, String code)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}");
    }
}
