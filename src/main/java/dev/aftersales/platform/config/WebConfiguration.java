package dev.aftersales.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import dev.aftersales.platform.web.FormBinding;
import dev.aftersales.platform.web.FormInputFilter;
import dev.aftersales.platform.web.RefusedFormInterceptor;
import dev.aftersales.platform.web.RequestIdFilter;
import dev.aftersales.shared.web.CurrentUserArgumentResolver;

/**
 * Languages: English and Simplified Chinese. The first visit follows the browser's Accept-Language; {@code ?lang=en}
 * or {@code ?lang=zh-CN} on any page switches, and the choice is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setLanguageTagCompliant(true);
        resolver.setRejectInvalidCookies(true);
        resolver.setDefaultLocaleFunction(WebConfiguration::fromBrowser);
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (match != null) {
                    return match;
                }
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    if (range.getRange().startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                    if (range.getRange().startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * Static files at their own paths only: the desk's CSS and scripts, and the web jars (Bootstrap, Chart.js), whose
     * links name the jar's version. Spring Boot's default also maps every other path ({@code /**}) to four class-path
     * folders, and the filter that puts versions into links then looked up every link of every page (each order,
     * claim and page number) as a file in those folders of the jar: about a quarter of a page's CPU time. With
     * {@code spring.web.resources.add-mappings=false} only these handlers serve files, and other links are left as
     * they are.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLocaleInterceptor(interceptor));
        registry.addInterceptor(new RefusedFormInterceptor());
    }

    /** Form records are bound so that a refused value never costs the page its form (see {@link FormBinding}). */
    @Bean
    WebMvcRegistrations formBinding() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return FormBinding.handlerAdapter();
            }
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }

    /**
     * Reads and cleans every form before security and the controllers see it (see {@link FormInputFilter}); after
     * the character encoding and the session filters, before Spring Security's.
     */
    @Bean
    FilterRegistrationBean<FormInputFilter> formInputFilter(
            @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize,
            @Value("${server.tomcat.max-http-form-post-size}") DataSize maxFormSize) {
        FilterRegistrationBean<FormInputFilter> registration = new FilterRegistrationBean<>(
                new FormInputFilter(maxFileSize, maxRequestSize, maxFormSize));
        registration.setOrder(-104);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
