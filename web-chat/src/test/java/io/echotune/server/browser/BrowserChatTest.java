package io.echotune.server.browser;

import io.echotune.bot.linking.IdentityLinking;
import io.echotune.bot.sessions.ChatSession;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.users.Users;
import io.echotune.server.EchoTuneServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web chat in a real Chromium: the widget embedded in another site (another port), and the full-page app, held
 * through real conversations, a reload and a restart of the server under the open WebSocket.
 */
class BrowserChatTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static Path dataDir;
    private static int port;
    private static HostPage host;
    private static ConfigurableApplicationContext server;
    private ChromeDriver browser;

    @BeforeAll
    static void startServerAndHostSite() throws IOException {
        dataDir = Files.createTempDirectory("echotune-browser");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        host = new HostPage(port);
        server = startServer();
    }

    /** The server, on the same port and data directory every time, with only the host site allowed to embed it. */
    private static ConfigurableApplicationContext startServer() {
        // as arguments: builder properties are only defaults, and application.yml's ${PORT:8080} would win
        return new SpringApplicationBuilder(EchoTuneServer.class)
                .run("--server.port=" + port, "--echotune.storage.data-dir=" + dataDir,
                        "--echotune.web.allowed-origins=" + host.origin());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (host != null) host.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aVisitorChatsInTheWidgetAndTheAppAcrossAReloadAndAServerRestart() {
        browser = Chromium.start(1280, 860);

        // ---- the widget on somebody else's site
        browser.get(host.url());
        SearchContext widget = shadowOf("echotune-widget");
        WebElement bubble = until(b -> visible(widget, ".bubble-button"));
        assertThat(bubble.getCssValue("background-color")).as("host page CSS must not reach the widget").isEqualTo("rgba(194, 65, 12, 1)");
        bubble.click();
        awaitOnline(widget);
        // the panel may still be opening (its text reads empty until it is displayed): wait for the welcome to show
        String welcome = until(b -> {
            String shown = text(widget, ".msg.bot.welcome .bubble");
            return shown.contains("Vinyl Corner DJ") ? shown : null;
        });
        assertThat(welcome).startsWith("Hi").contains("Vinyl Corner DJ");

        say(widget, "hi there");
        awaitReplies(widget, 1);
        assertThat(last(widget, ".msg.bot").getAttribute("data-intent")).isEqualTo("greet");

        say(widget, "something calm to study to");
        awaitReplies(widget, 2);
        List<WebElement> cards = last(widget, ".msg.bot").findElements(By.cssSelector(".track"));
        assertThat(cards).hasSize(5);
        WebElement first = cards.getFirst();
        String firstTitle = first.findElement(By.cssSelector(".title")).getText();
        assertThat(last(widget, ".msg.bot .bubble").getText()).as("tracks shown as cards are not listed again in the text")
                .isNotBlank().doesNotContain(firstTitle);
        assertThat(first.findElement(By.cssSelector(".title")).getText()).isNotBlank();
        assertThat(first.findElement(By.cssSelector(".artists")).getText()).isNotBlank();
        assertThat(first.findElement(By.cssSelector(".details")).getText()).containsPattern("\\d+:\\d\\d");
        assertThat(first.findElement(By.cssSelector("a.spotify")).getAttribute("href")).startsWith("https://open.spotify.com/track/");
        assertThat(first.findElement(By.cssSelector(".reason")).getText()).contains("study");
        assertThat(widget.findElements(By.cssSelector(".chip"))).isNotEmpty();
        assertThat(first.findElement(By.cssSelector("p.artists")).getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
        assertThat(first.findElement(By.cssSelector(".title")).getCssValue("letter-spacing")).isEqualTo("normal");
        assertThat(first.findElement(By.cssSelector(".cover")).getCssValue("background-image"))
                .as("the cover colours survive the host's strict CSP").startsWith("linear-gradient(");

        String likedTrack = first.getAttribute("data-track-id");
        press(first.findElement(By.cssSelector(".like")));
        until(b -> "true".equals(widget.findElement(By.cssSelector(".track .like")).getAttribute("aria-pressed")));
        String sessionId = (String) js("return localStorage.getItem(arguments[0])", "echotune:http://127.0.0.1:" + port + ":session");
        assertThat(sessionId).isNotBlank();
        ChatSession session = server.getBean(ChatSessions.class).find(sessionId).orElseThrow();
        assertThat(session.channel()).isEqualTo("web");
        assertThat(server.getBean(ListeningHistory.class).recent(session.userId(), 5))
                .anySatisfy(e -> assertThat(e.trackId() + " " + e.kind()).isEqualTo(likedTrack + " " + FeedbackKind.LIKE));
        Chromium.screenshot(browser, "widget.png");

        // ---- reload: the conversation comes back, with the 👍 still pressed
        browser.navigate().refresh();
        SearchContext reloaded = shadowOf("echotune-widget");
        until(b -> visible(reloaded, ".bubble-button")).click();
        until(b -> reloaded.findElements(By.cssSelector(".msg.user")).size() == 2);
        assertThat(reloaded.findElements(By.cssSelector(".msg.user .bubble")).get(1).getText()).isEqualTo("something calm to study to");
        until(b -> reloaded.findElements(By.cssSelector(".track")).size() == 5);
        assertThat(reloaded.findElement(By.cssSelector(".track[data-track-id='" + likedTrack + "'] .like")).getAttribute("aria-pressed")).isEqualTo("true");
        awaitOnline(reloaded);

        // ---- the full-page app in a second tab: same chat, plus playlists and recommendations; installable
        String widgetTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get("http://127.0.0.1:" + port + "/");
        SearchContext app = shadowOf("app");
        awaitOnline(app);
        say(app, "recommend some classic rock");
        awaitReplies(app, 1);
        assertThat(app.findElements(By.cssSelector(".chat-pane .track"))).hasSize(5);
        say(app, "make that a playlist called Deep Focus");
        awaitReplies(app, 2);
        assertThat(text(app, ".chat-pane .playlist-name")).isEqualTo("Deep Focus");
        until(b -> app.findElements(By.cssSelector(".side .playlist-name")).stream().anyMatch(e -> e.getText().equals("Deep Focus")));
        until(b -> app.findElements(By.cssSelector(".recs .track")).size() == 5);
        assertThat(app.findElement(By.cssSelector(".spotify-button")).isDisplayed()).as("no Spotify configured").isFalse();

        // a link code from the Discord bot joins this visitor to that person
        String discordUser = server.getBean(Users.class).forIdentity("discord", "777", "Sam").getId();
        String code = server.getBean(IdentityLinking.class).issue(discordUser).display();
        WebElement codeField = app.findElement(By.id("link-code"));
        press(codeField);
        codeField.sendKeys(code, Keys.ENTER);
        until(b -> text(app, ".link-form [role='status']").startsWith("Linked!"));
        String appSession = (String) js("return localStorage.getItem(arguments[0])", "echotune:http://127.0.0.1:" + port + ":session");
        assertThat(server.getBean(ChatSessions.class).find(appSession).orElseThrow().userId()).isEqualTo(discordUser);
        Object controlled = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(() => done(!!navigator.serviceWorker.controller)).catch(e => done(String(e)));""");
        assertThat(controlled).as("the service worker controls the page").isEqualTo(true);
        Chromium.screenshot(browser, "full-page.png");
        WebElement themeButton = app.findElement(By.cssSelector(".theme"));
        themeButton.click(); // automatic → light
        themeButton.click(); // light → dark
        assertThat(browser.findElement(By.id("app")).getAttribute("data-theme")).isEqualTo("dark");
        assertThat(app.findElement(By.cssSelector(".chat")).getCssValue("background-color")).isEqualTo("rgba(18, 19, 26, 1)");
        Chromium.screenshot(browser, "full-page-dark.png");

        // ---- the server goes away under both open WebSockets
        server.close();
        browser.navigate().refresh(); // the shell comes from the service worker's cache
        SearchContext offline = shadowOf("app");
        until(b -> visible(offline, ".banner"));
        assertThat(text(offline, ".banner")).contains("Can’t reach EchoTune");
        assertThat(text(offline, ".brand h1")).isEqualTo("EchoTune");
        until(b -> !offline.findElements(By.cssSelector(".recs .empty")).isEmpty());
        assertThat(text(offline, ".recs .empty")).contains("once EchoTune is reachable again");
        Chromium.screenshot(browser, "full-page-offline.png");

        browser.switchTo().window(widgetTab);
        until(b -> visible(reloaded, ".status"));
        assertThat(text(reloaded, ".status")).contains("reconnecting");

        // typed while the server is down: it waits, and is sent once (not twice) when the connection is back
        say(reloaded, "another one");
        assertThat(reloaded.findElements(By.cssSelector(".msg.user"))).hasSize(3);

        // ---- back up: the widget reconnects by itself and the same conversation continues
        server = startServer();
        awaitOnline(reloaded);
        awaitReplies(reloaded, 3);
        assertThat(last(reloaded, ".msg.bot").getAttribute("data-intent")).isEqualTo("recommend");
        assertThat(last(reloaded, ".msg.bot").findElements(By.cssSelector(".track"))).isNotEmpty();
        assertThat(server.getBean(ChatSessions.class).find(sessionId).orElseThrow().turns()).hasSize(3);

        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(widgetTab)).findFirst().orElseThrow());
        awaitOnline(offline);
        until(b -> visible(offline, ".banner") == null);
    }

    @Test
    void theWidgetWorksFromTheKeyboardAndFillsAPhoneScreen() {
        browser = Chromium.startPhone(390, 844);
        browser.get(host.url());
        SearchContext widget = shadowOf("echotune-widget");
        WebElement bubble = until(b -> visible(widget, ".bubble-button"));
        assertThat(bubble.getAttribute("aria-expanded")).isEqualTo("false");

        js("arguments[0].focus()", bubble);
        bubble.sendKeys(Keys.ENTER);
        WebElement panel = until(b -> visible(widget, ".panel"));
        assertThat(bubble.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(focusedIn("echotune-widget")).as("focus moves to the message field").contains("input");
        long viewport = (Long) js("return window.innerWidth");
        assertThat((long) panel.getSize().getWidth()).as("the panel fills a phone screen").isEqualTo(viewport);

        awaitOnline(widget);
        WebElement input = widget.findElement(By.cssSelector(".input"));
        input.sendKeys("upbeat workout music", Keys.ENTER);
        awaitReplies(widget, 1);
        assertThat(last(widget, ".msg.bot").findElements(By.cssSelector(".track"))).hasSize(5);
        Chromium.screenshot(browser, "widget-phone.png");

        input.sendKeys(Keys.ESCAPE);
        until(b -> visible(widget, ".panel") == null);
        assertThat(focusedIn("echotune-widget")).as("focus returns to the bubble").contains("bubble-button");
    }

    // ---- helpers

    private SearchContext shadowOf(String hostId) {
        return until(b -> {
            List<WebElement> hosts = b.findElements(By.id(hostId));
            return hosts.isEmpty() ? null : hosts.getFirst().getShadowRoot();
        });
    }

    /** The classes of the element focused inside a shadow root. */
    private List<String> focusedIn(String hostId) {
        String classes = (String) js("return arguments[0].shadowRoot.activeElement?.className ?? ''", browser.findElement(By.id(hostId)));
        return List.of(classes.split(" "));
    }

    private void say(SearchContext chat, String text) {
        chat.findElement(By.cssSelector(".input")).sendKeys(text, Keys.ENTER);
    }

    /** Waits until {@code count} replies (not counting the greeting) have arrived in full. */
    private void awaitReplies(SearchContext chat, int count) {
        until(b -> chat.findElements(By.cssSelector(".msg.bot[data-intent]")).size() == count);
    }

    private void awaitOnline(SearchContext chat) {
        until(b -> "online".equals(chat.findElement(By.cssSelector(".chat")).getAttribute("data-connection")));
    }

    /** Clicks like a person would, after scrolling the element into view (the log scrolls smoothly, which Selenium's own scrolling does not wait for). */
    private void press(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private static WebElement last(SearchContext chat, String css) {
        return chat.findElements(By.cssSelector(css)).getLast();
    }

    private static String text(SearchContext chat, String css) {
        return chat.findElement(By.cssSelector(css)).getText();
    }

    private static WebElement visible(SearchContext chat, String css) {
        List<WebElement> found = chat.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.getFirst().isDisplayed() ? found.getFirst() : null;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private <T> T until(Function<ChromeDriver, T> condition) {
        try {
            return new WebDriverWait(browser, WAIT).until(d -> {
                T value = condition.apply((ChromeDriver) d);
                return value instanceof Boolean b && !b ? null : value;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out on " + browser.getCurrentUrl() + "; the page's console said:\n"
                    + Chromium.console(browser), e);
        }
    }
}
