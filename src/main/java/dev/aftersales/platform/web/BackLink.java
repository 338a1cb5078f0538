package dev.aftersales.platform.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** Where to send a user whose form was refused before a controller could answer it. */
final class BackLink {

    private static final Pattern MOVE = Pattern.compile("^(/(?:buyer|seller|agent|admin)/[a-z-]+/\\d+)/[a-z-]+$");

    private BackLink() {
    }

    /**
     * The page the form was on: the same-site page that sent it, else the case or order a move belongs to
     * ({@code /seller/claims/7/reject} → {@code /seller/claims/7}), else the form's own address.
     */
    static String of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                        && uri.getRawPath() != null && uri.getRawPath().startsWith("/")
                        && !uri.getRawPath().startsWith("//")) {
                    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // not a usable address: fall back to the form's own
            }
        }
        Matcher move = MOVE.matcher(path);
        if (move.matches()) {
            return move.group(1);
        }
        String query = request.getQueryString();
        return path + (query == null || query.length() > 500 ? "" : "?" + query);
    }

    /** The path of a back link, without its query (what a flash message is addressed to). */
    static String pathOf(String back) {
        int q = back.indexOf('?');
        return q < 0 ? back : back.substring(0, q);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }
}
