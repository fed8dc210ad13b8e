package io.echotune.server.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts the system's Chromium (Debian's {@code chromium} + {@code chromium-driver}, installed by {@code .ci/run})
 * headless, with a fresh profile and everything that would reach the internet switched off. Fails, never skips, when
 * the browser is missing.
 */
final class Chromium {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");

    private Chromium() {
    }

    static ChromeDriver start(int width, int height) {
        return start(width, height, false);
    }

    /** A phone: Chromium's device emulation (viewport, pixel ratio, touch), as a window cannot be made that narrow headless. */
    static ChromeDriver startPhone(int width, int height) {
        return start(width, height, true);
    }

    private static ChromeDriver start(int width, int height, boolean phone) {
        String browser = find("chromium", "chromium-browser", "google-chrome");
        String driver = find("chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("echotune-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        }
        // keeps the page's console messages, which the tests print when a wait times out
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
        return new ChromeDriver(service, options);
    }

    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(ARTEFACTS);
            Path target = ARTEFACTS.resolve(name);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to its console since the last call, one entry a line. */
    static String console(ChromeDriver driver) {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(e -> e.getLevel() + " " + e.getMessage()).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(console not available: " + e.getMessage() + ")";
        }
    }

    private static String find(String... names) {
        List<Path> dirs = new java.util.ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) dirs.add(Path.of(dir));
        }
        dirs.add(Path.of("/usr/bin"));
        for (String name : names) {
            Optional<Path> found = dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                return found.get().toString();
            }
        }
        throw new AssertionError("The browser tests need " + String.join(" or ", names) + " on the PATH. Install them with: "
                + "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver (.ci/run does this).");
    }
}
