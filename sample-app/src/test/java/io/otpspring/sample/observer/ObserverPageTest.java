package io.otpspring.sample.observer;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.otpspring.sample.SampleApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The observer page in a real browser: Debian's headless Chromium, driven by its chromedriver.
 * It draws the supervision tree, shows a crash as a restart, opens the crashed process's details
 * and restarts it from there. Both binaries are required (CI installs them): without them the test
 * fails rather than skips, and Selenium Manager is never asked to download anything.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ObserverPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOT = Path.of("target", "observer.png");

    private static final String ROOT = "otp.root";
    private static final String PRICING = "pricingService";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChromeDriverService service;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    static void neverDownloadAnything() {
        // chromedriver's path is given to the service below, so Selenium Manager is not run at all;
        // these keep it quiet and offline should that ever change
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        profile = Files.createTempDirectory("observer-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    private static void requireExecutable(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            fail(binary + " is missing: the observer page test needs Debian's Chromium and its driver "
                    + "(apt-get install chromium chromium-driver); it does not download a browser");
        }
    }

    @AfterEach
    void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                saveScreenshot();
                browser.quit();
            }
        }
        finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profile);
        }
    }

    @Test
    void showsACrashAsARestartAndRestartsTheProcessFromItsDetails() throws Exception {
        browser.get("http://localhost:" + port + "/otp/observer");

        until("the tree shows " + ROOT + " and " + PRICING,
                () -> isShown(process(ROOT)) && isShown(process(PRICING)));
        int before = restarts(PRICING);

        HttpResponse<String> crash = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/crash/" + PRICING))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crash.statusCode()).as("crash answer: %s", crash.body()).isEqualTo(202);

        until("the page shows more than " + before + " restarts of " + PRICING, () -> restarts(PRICING) > before);

        find(process(PRICING)).click();
        until("the detail pane shows the last crash of " + PRICING, () -> {
            String detail = find(By.id("detail")).getText();
            return detail.contains(PRICING) && detail.contains("IllegalStateException")
                    && detail.contains("pricing crashed on purpose");
        });
        assertThat(find(By.cssSelector("#detail .stack-trace")).getText()).contains("PricingService.crash");

        until("the detail pane offers restart and kill (the sample app allows writes)",
                () -> isShown(By.id("restart-button")) && isShown(By.id("kill-button")));
        find(By.id("restart-button")).click();

        until("the restart succeeds", () -> {
            WebElement result = find(By.id("action-result"));
            return result.isDisplayed() && "ok".equals(result.getAttribute("data-result"));
        });
        assertThat(find(By.id("action-result")).getText()).startsWith("Restarted " + PRICING);
    }

    private static By process(String name) {
        return By.cssSelector("[data-process=\"" + name + "\"]");
    }

    private int restarts(String name) {
        String text = find(By.cssSelector("[data-process=\"" + name + "\"] .restarts")).getText().trim();
        return text.matches("\\d+") ? Integer.parseInt(text) : -1;
    }

    private WebElement find(By by) {
        return browser.findElement(by);
    }

    private boolean isShown(By by) {
        List<WebElement> found = browser.findElements(by);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** Polls until the condition holds, failing with what was awaited and the page's text. */
    private void until(String what, BooleanSupplier condition) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waited " + WAIT.toSeconds() + " s until " + what + "; the page shows:\n"
                + pageText());
        wait.until(driver -> condition.getAsBoolean());
    }

    private String pageText() {
        try {
            return browser.findElement(By.tagName("body")).getText();
        }
        catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void saveScreenshot() {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(SCREENSHOT.getParent());
            Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (RuntimeException | IOException e) {
            System.err.println("No screenshot of the observer page: " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
