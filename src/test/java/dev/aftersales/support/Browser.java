package dev.aftersales.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Drives Debian's headless Chromium ({@code /usr/bin/chromium}; nothing is downloaded) against the application of
 * the test class. One Playwright and one browser per test class (Playwright objects belong to the thread that made
 * them), a fresh browser context (cookies, language) per test, handed to the test as a {@link Page} whose relative
 * URLs go to the application. When a test fails, a screenshot of its page is saved in
 * {@code target/browser-screenshots}.
 * <p>
 * Used through {@link BrowserTest}, which supplies the application's port.
 */
public class Browser implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        ParameterResolver {

    public static final Path EXECUTABLE = Path.of(System.getProperty("aftersales.browser", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).computeIfAbsent(Launched.class, k -> Launched.launch(), Launched.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Launched launched = context.getStore(NAMESPACE).get(Launched.class, Launched.class);
        BrowserTest test = context.getRequiredTestInstance() instanceof BrowserTest t ? t : null;
        if (test == null) {
            throw new IllegalStateException(context.getRequiredTestClass() + " must extend BrowserTest");
        }
        BrowserContext browserContext = launched.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + test.port)
                .setLocale("en-GB")
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(1280, 900));
        browserContext.setDefaultTimeout(10_000);
        Page page = browserContext.newPage();
        context.getStore(NAMESPACE).put(Page.class, page);
        context.getStore(NAMESPACE).put(BrowserContext.class, (AutoCloseable) browserContext::close);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Page page = context.getStore(NAMESPACE).get(Page.class, Page.class);
        if (page == null || page.isClosed()) {
            return;
        }
        Path file = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName() + ".png");
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            System.err.println("Browser test failed on " + page.url() + "; screenshot: " + file.toAbsolutePath());
        } catch (RuntimeException e) {
            System.err.println("No screenshot of the failed browser test: " + e.getMessage());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        AutoCloseable browserContext = context.getStore(NAMESPACE).remove(BrowserContext.class, AutoCloseable.class);
        if (browserContext != null) {
            browserContext.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Page page = context.getStore(NAMESPACE).get(Page.class, Page.class);
        if (page == null) {
            throw new IllegalStateException("A page is only available to test methods and @BeforeEach methods");
        }
        return page;
    }

    /** Playwright and its Chromium for one test class, closed with it. */
    record Launched(Playwright playwright, com.microsoft.playwright.Browser browser) implements AutoCloseable {

        static Launched launch() {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
                return new Launched(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw new IllegalStateException("Chromium did not start from " + EXECUTABLE
                        + " (on Debian: apt-get install chromium)", e);
            }
        }

        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }
}
