package dev.aftersales.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import dev.aftersales.shared.web.FormRefusal;

/**
 * Request parameters of the pages that were refused before a controller ran: a value that is not of its field's
 * type, a text longer than its field allows, a missing field, an upload the server could not read. A form sent
 * with POST goes back to its page with the reason (which field, what is wrong); a page asked for with GET answers
 * 400 with the reason. Integration API calls are answered by {@link IntegrationApiErrors} instead.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputErrors {

    private final org.springframework.context.MessageSource messages;

    PageInputErrors(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /** Request attribute with the reason a GET was refused, shown on the error page. */
    static final String INPUT_ERROR = PageInputErrors.class.getName() + ".reason";

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView invalid(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (BackLink.isApi(request)) {
            throw e;
        }
        List<MessageSourceResolvable> reasons = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String field = String.valueOf(result.getMethodParameter().getParameterName());
            var annotation = result.getMethodParameter()
                    .getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
            if (annotation != null && !annotation.name().isEmpty()) {
                field = annotation.name();
            }
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                reasons.add(reason(field, error));
                fields.add(field);
            }
        });
        return refuse(request, response, fields.isEmpty() ? null : fields.get(0), reasons.isEmpty()
                ? new DefaultMessageSourceResolvable(new String[] { "input.error.invalid" }, new Object[] { "", "" })
                : reasons.get(0));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        if (BackLink.isApi(request)) {
            throw e;
        }
        return refuse(request, response, e.getName(), new DefaultMessageSourceResolvable(new String[] { "input.error.notValid" },
                new Object[] { label(e.getName()) }));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        if (BackLink.isApi(request)) {
            throw e;
        }
        return refuse(request, response, e.getParameterName(), new DefaultMessageSourceResolvable(new String[] { "input.error.required" },
                new Object[] { label(e.getParameterName()) }));
    }

    /** An upload the server refused to read (past the hard caps): back to the form, the reason by the file field. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView upload(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (BackLink.isApi(request)) {
            throw e;
        }
        String key = e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
                ? "input.upload.tooLarge" : "input.upload.unreadable";
        String back = BackLink.of(request);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (!FormInputFilter.showsUploadErrors(BackLink.pathOf(back))) {
            flash.put("flashError", key);
            flash.put("flashErrorArgs", new Object[0]);
        }
        flash.put(FormInputFilter.UPLOAD_ERROR, key);
        flash.put(FormInputFilter.UPLOAD_ERROR + "Args", new Object[0]);
        flash.setTargetRequestPath(BackLink.pathOf(back));
        return new ModelAndView("redirect:" + back);
    }

    private ModelAndView refuse(HttpServletRequest request, HttpServletResponse response, String field,
            MessageSourceResolvable reason) throws IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            request.setAttribute(INPUT_ERROR, messages.getMessage(reason, RequestContextUtils.getLocale(request)));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return new ModelAndView();
        }
        String back = BackLink.of(request);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (FormRefusal.shownAtFields(BackLink.pathOf(back))) {
            // the page draws its forms' refusals: the reason next to the field, what was typed kept
            FormRefusal.refuse(request, flash, field,
                    List.of(new FormRefusal.Message(reason.getCodes()[0], reason.getArguments())));
        } else {
            flash.put("flashError", reason.getCodes()[0]);
            flash.put("flashErrorArgs", reason.getArguments());
        }
        return new ModelAndView("redirect:" + back);
    }

    /** A refusal as a message of this desk: which field, and the limit it broke. */
    private static MessageSourceResolvable reason(String field, MessageSourceResolvable error) {
        String[] codes = error.getCodes() == null ? new String[0] : error.getCodes();
        String code = codes.length == 0 ? "" : codes[codes.length - 1];
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        return switch (code) {
            case "Size" -> new DefaultMessageSourceResolvable(new String[] { "input.error.tooLong" },
                    new Object[] { label(field), number(args, 1) });
            case "NotBlank", "NotNull", "NotEmpty" -> new DefaultMessageSourceResolvable(
                    new String[] { "input.error.required" }, new Object[] { label(field) });
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax", "Range" ->
                new DefaultMessageSourceResolvable(new String[] { "input.error.outOfRange" },
                        new Object[] { label(field) });
            default -> new DefaultMessageSourceResolvable(new String[] { "input.error.notValid" },
                    new Object[] { label(field) });
        };
    }

    private static Object number(Object[] args, int index) {
        return index < args.length && args[index] instanceof Number n ? n.longValue() : "";
    }

    /** The field's name as the reader knows it ({@code input.field.<name>}), or the parameter's name. */
    static DefaultMessageSourceResolvable label(String field) {
        String name = field == null ? "" : field.replaceAll("\\[.*$", "");
        return new DefaultMessageSourceResolvable(new String[] { "input.field." + name }, null, name);
    }
}
