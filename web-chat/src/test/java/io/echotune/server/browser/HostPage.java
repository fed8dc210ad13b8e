package io.echotune.server.browser;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Somebody else's web site on another port, embedding the widget with the one script tag a site owner adds. Its own
 * CSS is deliberately loud, to show that none of it reaches the widget, and it sends a strict Content-Security-Policy
 * that allows only the EchoTune origin, as the README tells site owners to.
 */
final class HostPage implements AutoCloseable {

    private final HttpServer server;

    HostPage(int echoTunePort) {
        String page = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Vinyl Corner — record shop</title>
                  <style nonce="vinyl">
                    body { margin: 0; font-family: Georgia, serif; background: #fbf7f0; color: #3b2f2a; }
                    header { padding: 28px 48px; background: #3b2f2a; color: #fbf7f0; }
                    h1 { margin: 0; font-size: 30px; letter-spacing: 1px; }
                    main { padding: 32px 48px; display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 220px)); gap: 24px; }
                    .record { height: 220px; border-radius: 8px; background: linear-gradient(135deg, #c96f4a, #7a3b2e); }
                    .record:nth-child(2) { background: linear-gradient(135deg, #4a7ac9, #2e3b7a); }
                    .record:nth-child(3) { background: linear-gradient(135deg, #4ac98f, #2e7a55); }
                    /* hostile rules a widget must survive */
                    button { background: lime !important; border: 4px dashed red; font-size: 30px; }
                    p, li, article { color: red; font-family: "Comic Sans MS", cursive; line-height: 3; }
                    * { letter-spacing: 2px; }
                  </style>
                </head>
                <body>
                  <header><h1>Vinyl Corner</h1><p>Second-hand records since 1987</p></header>
                  <main><div class="record"></div><div class="record"></div><div class="record"></div></main>
                  <button id="host-button">A host page button</button>
                  <script src="http://127.0.0.1:%d/widget.js" data-title="Vinyl Corner DJ" data-accent="#c2410c"
                          data-greeting="Hi! I'm the Vinyl Corner DJ. What are you in the mood for?" async></script>
                </body>
                </html>
                """.formatted(echoTunePort);
        // strict, as a careful shop would have it: no inline script or style attributes, only the EchoTune origin
        String echoTune = "http://127.0.0.1:" + echoTunePort;
        String csp = "default-src 'none'; script-src " + echoTune + "; style-src 'nonce-vinyl' " + echoTune
                + "; connect-src " + echoTune + " ws://127.0.0.1:" + echoTunePort + "; img-src data:";
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", csp);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
