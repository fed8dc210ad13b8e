package io.echotune.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/nginx/nginx.conf with Debian's nginx: {@code nginx -t} accepts it, and a running nginx with it terminates
 * TLS (certificate from deploy/gen-cert.sh), redirects HTTP to HTTPS, balances across two instances and passes
 * WebSocket upgrades on /ws/. Only the parts that name the Docker network change: upstream host names, ports and
 * file locations, rewritten in a temporary copy.
 */
class NginxTest {

    @TempDir
    static Path work;

    static TestBackend first;
    static TestBackend second;
    static Process nginx;
    static int httpPort;
    static int httpsPort;
    static HttpClient https;

    @BeforeAll
    static void startNginxInFrontOfTwoBackends() throws Exception {
        Path binary = nginxBinary();
        Path certs = work.resolve("certs");
        run(List.of("bash", DeployFiles.file("gen-cert.sh").toString(), certs.toString(), "localhost"), "gen-cert.sh");
        assertThat(certs.resolve("echotune.crt")).isNotEmptyFile();
        assertThat(certs.resolve("echotune.key")).isNotEmptyFile();

        first = new TestBackend("first");
        second = new TestBackend("second");
        httpPort = freePort();
        httpsPort = freePort();
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, loopbackCopy(DeployFiles.read(DeployFiles.file("nginx/nginx.conf")), certs));

        String check = run(List.of(binary.toString(), "-t", "-p", work.toString(), "-c", conf.toString(), "-e", work.resolve("error.log").toString()), "nginx -t");
        assertThat(check).contains("syntax is ok").contains("test is successful");

        String global = "daemon off;" + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");
        nginx = new ProcessBuilder(binary.toString(), "-p", work.toString(), "-c", conf.toString(),
                "-e", work.resolve("error.log").toString(), "-g", global)
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        awaitPort(httpsPort);
        https = HttpClient.newBuilder().sslContext(trusting(certs.resolve("echotune.crt")))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) nginx.destroyForcibly();
        }
        if (first != null) first.close();
        if (second != null) second.close();
    }

    private static Path nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        throw new AssertionError("nginx is not installed; the deployment checks need it (Debian: apt-get install nginx; .ci/run does this)");
    }

    /** The configuration with the Docker-network parts pointed at this machine. Each rewrite must match, so drift fails here. */
    static String loopbackCopy(String conf, Path certs) {
        conf = replace(conf, "server app:8080 max_fails=3 fail_timeout=10s;",
                "server 127.0.0.1:" + first.port() + " max_fails=3 fail_timeout=10s;\n        server 127.0.0.1:" + second.port() + " max_fails=3 fail_timeout=10s;");
        conf = replace(conf, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        conf = replace(conf, "listen [::]:80;", "");
        conf = replace(conf, "listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;");
        conf = replace(conf, "listen [::]:443 ssl http2;", "");
        conf = replace(conf, "/etc/nginx/certs/", certs.toAbsolutePath() + "/");
        conf = replace(conf, "pid /var/run/nginx.pid;", "pid " + work.resolve("nginx.pid") + ";");
        return conf;
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).as("nginx.conf still contains the line the test rewrites").contains(from);
        return text.replace(from, to);
    }

    @Test
    void plainHttpRedirectsToHttps() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/chat?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("https://127.0.0.1/api/chat?x=1");
    }

    @Test
    void httpsWithTheGeneratedCertificateBalancesAcrossBothInstances() throws Exception {
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + "/api/tracks/search?q=" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
            servedBy.add(response.body().strip());
        }
        assertThat(servedBy).containsExactlyInAnyOrder("first", "second");
        var forwarded = first.requests.stream().filter(r -> r.get(":request").contains("/api/tracks/search")).findFirst().orElseThrow();
        assertThat(forwarded).containsEntry("x-forwarded-proto", "https").containsEntry("host", "127.0.0.1");
        assertThat(forwarded).doesNotContainKey("upgrade");
    }

    @Test
    void webSocketUpgradesPassThroughOnWsPaths() throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        WebSocket socket = https.newWebSocketBuilder().buildAsync(URI.create("wss://127.0.0.1:" + httpsPort + "/ws/chat"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                echoed.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        socket.sendText("something calm to study to", true).get(5, TimeUnit.SECONDS);
        assertThat(echoed.get(10, TimeUnit.SECONDS)).matches("(first|second): something calm to study to");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

        List<java.util.Map<String, String>> upgrades = new ArrayList<>();
        for (TestBackend b : List.of(first, second)) {
            b.requests.stream().filter(r -> r.get(":request").startsWith("GET /ws/chat")).forEach(upgrades::add);
        }
        assertThat(upgrades).singleElement().satisfies(r -> {
            assertThat(r.get("upgrade")).isEqualToIgnoringCase("websocket");
            assertThat(r.get("connection")).isEqualToIgnoringCase("upgrade");
            assertThat(r).containsEntry("x-forwarded-proto", "https");
        });
    }

    @Test
    void actuatorEndpointsStayInside() throws Exception {
        int before = first.requests.size() + second.requests.size();
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(first.requests.size() + second.requests.size()).isEqualTo(before);
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("echotune", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String run(List<String> command, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(what + " finishes").isTrue();
        assertThat(process.exitValue()).as(what + " failed:\n" + output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(work.resolve("nginx.out")) + Files.readString(work.resolve("error.log")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on " + port + " within 10 s");
    }
}
