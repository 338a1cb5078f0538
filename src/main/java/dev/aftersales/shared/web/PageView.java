package dev.aftersales.shared.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list as the templates need it: the rows and enough to draw the pager.
 *
 * @param rows       the rows of this page
 * @param number     zero-based page number
 * @param totalPages how many pages there are (at least 1)
 * @param total      how many rows there are in all
 */
public record PageView<T>(List<T> rows, int number, int totalPages, long total) {

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(),
                Math.max(page.getTotalPages(), 1), page.getTotalElements());
    }

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), Math.max(page.getTotalPages(), 1),
                page.getTotalElements());
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
