package dev.aftersales.platform.web;


import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form that comes back as a page instead of a redirect was refused (every page form redirects when it
 * succeeds): it is answered 422, the page shows the reasons next to the fields with what was typed.
 * <p>
 * A direct request for {@code /error} (not the server forwarding an error) answers 404.
 */
public class RefusedFormInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
                && "/error".equals(request.getRequestURI().substring(request.getContextPath().length()))
                && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/error");
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || !"POST".equals(request.getMethod()) || view.getViewName() == null
                || view.getViewName().startsWith("redirect:") || view.getViewName().startsWith("forward:")) {
            return;
        }
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }
}
