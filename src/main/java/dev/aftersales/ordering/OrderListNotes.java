package dev.aftersales.ordering;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.aftersales.shared.CurrentUser;

/**
 * Short notes another module adds to each row of an order list (the tracking summary, an open claim). Called once
 * per page with all of its order ids, so a list never issues a query per row.
 */
public interface OrderListNotes {

    Map<Long, List<OrderNote>> notesFor(Collection<Long> orderIds, CurrentUser viewer);

    /**
     * @param messageKey the text's message key
     * @param args       its arguments
     * @param tone       a Bootstrap colour name (secondary, info, success, warning, danger)
     */
    record OrderNote(String messageKey, List<Object> args, String tone) {

        public Object[] argArray() {
            return args.toArray();
        }
    }
}
