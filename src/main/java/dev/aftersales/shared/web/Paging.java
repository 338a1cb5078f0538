package dev.aftersales.shared.web;

import org.springframework.data.domain.PageRequest;

/**
 * The page of a list a request asks for: negative page numbers mean the first page, numbers above
 * {@link InputLimits#MAX_PAGE} mean that page (an empty one), so no page number can overflow the row offset.
 */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(int page, int size) {
        int safeSize = Math.max(1, Math.min(size, 100));
        return PageRequest.of(Math.max(0, Math.min(page, InputLimits.MAX_PAGE)), safeSize);
    }
}
