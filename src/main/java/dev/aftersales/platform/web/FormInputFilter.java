package dev.aftersales.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import dev.aftersales.shared.web.InputText;

/**
 * Every form field passes here before anything reads it (security, controllers):
 * <ul>
 * <li>its name and value are cleaned by the one text rule ({@link InputText#clean}): NUL and other control
 * characters never reach a page, a log or the database;</li>
 * <li>the form is read here first, so a form the server will not read (larger than the form or upload limits,
 * too many fields or files, an unreadable multipart body) is answered by the desk: the user is sent back to the
 * page the form was on with the reason, instead of the server's bare error page. Calls under {@code /api/} get a
 * problem+json answer instead.</li>
 * </ul>
 */
public class FormInputFilter extends OncePerRequestFilter {

    /** Flash attribute naming why an upload was not read (shown next to the file field of the claim form). */
    public static final String UPLOAD_ERROR = "uploadError";

    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;
    private final DataSize maxFormSize;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    public FormInputFilter(DataSize maxFileSize, DataSize maxRequestSize, DataSize maxFormSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
        this.maxFormSize = maxFormSize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = readForm(request);
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        chain.doFilter(new CleanParameters(request), response);
    }

    /** Reads the form's fields (and parts) once; the message key of why it cannot be read, or null. */
    private String readForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        try {
            if (multipart && "POST".equals(request.getMethod())) {
                request.getParts();
            }
            request.getParameterMap();
            return null;
        } catch (IllegalStateException | IOException | ServletException e) {
            return reason(e, multipart);
        }
    }

    private static String reason(Throwable e, boolean multipart) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("FileSizeLimit")) {
                return "input.upload.fileTooLarge";
            }
            if (name.contains("FileCountLimit")) {
                return "input.upload.tooManyParts";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimit") || name.contains("SizeException")) {
                return multipart ? "input.upload.tooLarge" : "input.form.tooLarge";
            }
            String message = String.valueOf(t.getMessage()).toLowerCase();
            if (message.contains("parameter") && (message.contains("count") || message.contains("maximum number"))) {
                return "input.form.tooManyFields";
            }
            if (message.contains("header") && multipart) {
                return "input.upload.nameTooLong";
            }
            if (message.contains("size") || message.contains("large")) {
                return multipart ? "input.upload.tooLarge" : "input.form.tooLarge";
            }
        }
        return multipart ? "input.upload.unreadable" : "input.form.unreadable";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
        Object[] args = { maxFileSize.toMegabytes(), maxRequestSize.toMegabytes(), maxFormSize.toKilobytes() / 1024.0 };
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request not readable\",\"status\":413,"
                    + "\"detail\":\"The request body is larger than the desk reads or malformed\"}");
            return;
        }
        String back = BackLink.of(request);
        FlashMap flash = new FlashMap();
        if (!showsUploadErrors(BackLink.pathOf(back))) {
            flash.put("flashError", key);
            flash.put("flashErrorArgs", args);
        }
        flash.put(UPLOAD_ERROR, key);
        flash.put(UPLOAD_ERROR + "Args", args);
        flash.setTargetRequestPath(BackLink.pathOf(back));
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + back);
    }

    /** Pages that show an unread upload's reason next to their file field themselves (the claim form). */
    static boolean showsUploadErrors(String path) {
        return path.endsWith("/claims/new");
    }

    /** The request with every parameter name and value cleaned. */
    static final class CleanParameters extends HttpServletRequestWrapper {

        private Map<String, String[]> cleaned;

        CleanParameters(HttpServletRequest request) {
            super(request);
        }

        private Map<String, String[]> cleaned() {
            if (cleaned == null) {
                Map<String, String[]> out = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] copy = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        copy[i] = InputText.clean(values[i]);
                    }
                    out.merge(InputText.clean(name), copy, (a, b) -> {
                        String[] both = new String[a.length + b.length];
                        System.arraycopy(a, 0, both, 0, a.length);
                        System.arraycopy(b, 0, both, a.length, b.length);
                        return both;
                    });
                });
                cleaned = Collections.unmodifiableMap(out);
            }
            return cleaned;
        }

        @Override
        public String getParameter(String name) {
            String[] values = cleaned().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = cleaned().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return cleaned();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(cleaned().keySet());
        }
    }
}
