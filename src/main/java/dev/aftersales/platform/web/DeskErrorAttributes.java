package dev.aftersales.platform.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What error pages and error JSON show: status, error, path, time and the request id to quote to support. Never
 * a stack trace, an exception class, or SQL.
 */
@Component
class DeskErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, ErrorAttributeOptions.defaults());
        attributes.remove("trace");
        attributes.remove("exception");
        attributes.remove("message");
        attributes.remove("errors");
        Object id = webRequest.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (id != null) {
            attributes.put("requestId", id);
        }
        Object reason = webRequest.getAttribute(PageInputErrors.INPUT_ERROR, RequestAttributes.SCOPE_REQUEST);
        if (reason != null) {
            attributes.put("inputError", reason);
        }
        return attributes;
    }
}
