package io.echotune.server.hostile;

import io.echotune.bot.nlu.Nlu;
import io.echotune.bot.nlu.NluContext;
import io.echotune.bot.nlu.Understanding;
import io.echotune.server.faults.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random fuzzing (bounded, reproducible: the seed is printed in every failure) of the NLU and of chat request
 * parsing: realistic messages mutated with hostile pieces, sent through the NLU and through {@code POST /api/chat}.
 * It complements the coverage-guided Jazzer fuzzing of the NLU alone ({@code NluFuzzTest} in bot-core), which cannot
 * reach the HTTP layer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeededFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20251124L);
    static final int NLU_ITERATIONS = Integer.getInteger("fuzz.nlu", 3000);
    static final int HTTP_ITERATIONS = Integer.getInteger("fuzz.http", 300);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-fuzz").toString();
        registry.add("echotune.storage.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    Nlu nlu;

    static final String[] SEEDS = {"something calm to study to", "make a 20-song playlist called Run Club", "more like Daft Punk",
            "I love the second one", "not the last one", "80s rock", "why the first one?", "play Bohemian Rhapsody by Queen", "hi"};
    static final String[] PIECES = {"\u0000", "\u202e", "\ud83c\udfb5", "\ud800", "\udfff", "<script>", "{\"$gt\":\"\"}", "../", "%s", "${x}",
            "\t", "\r\n", " ", "99999999999999999999", "-1", "0", "  ", "é", "ß", "ﬀ", "İ", "\u0301", "\u200b", "'; DROP TABLE x;--", "\\"};

    static String mutate(Random random) {
        StringBuilder text = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> text.insert(at, (char) random.nextInt(0x10000));
                case 2 -> { if (text.length() > 0) text.deleteCharAt(Math.min(at, text.length() - 1)); }
                case 3 -> text.insert(at, String.valueOf(PIECES[random.nextInt(PIECES.length)]).repeat(1 + random.nextInt(200)));
                default -> text.append(' ').append(SEEDS[random.nextInt(SEEDS.length)]);
            }
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    @Test
    void theNluUnderstandsAnyTextWithoutFailing() {
        Random random = new Random(SEED);
        for (int i = 0; i < NLU_ITERATIONS; i++) {
            String text = mutate(random);
            try {
                Understanding u = nlu.understand(text, random.nextBoolean() ? NluContext.EMPTY : new NluContext(java.util.Optional.empty(), random.nextInt(30)));
                assertThat(u.intent()).isNotNull();
                assertThat(u.confidence()).isBetween(0.0, 1.0);
                assertThat(u.sentiment()).isNotNull();
                assertThat(u.entities()).isNotNull();
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + SEED + ", iteration " + i + ", text " + escape(text), e);
            }
        }
    }

    @Test
    void chatRequestParsingNeverFailsOnTheServersSide() {
        Random random = new Random(SEED + 1);
        Http http = new Http(port);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < HTTP_ITERATIONS; i++) {
            String body = randomBody(random);
            Http.Response r = http.postJson("/api/chat", body);
            if (r.status() >= 500 || (r.status() != 200 && !r.contentType().contains("problem+json"))) {
                failures.add("seed " + SEED + " iteration " + i + ": " + r.status() + " for " + escape(body));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(http.postJson("/api/chat", "{\"message\":\"hi\"}").status()).isEqualTo(200);
    }

    private static String randomBody(Random random) {
        String message = mutate(random);
        String json = "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        switch (random.nextInt(4)) {
            case 0 -> { return json; }
            case 1 -> { // cut it anywhere
                return json.substring(0, random.nextInt(json.length() + 1));
            }
            case 2 -> { // flip a character
                char[] chars = json.toCharArray();
                String flips = "{}[]\":,\\0tn";
                chars[random.nextInt(chars.length)] = flips.charAt(random.nextInt(flips.length()));
                return new String(chars);
            }
            default -> { // wrong shapes
                String[] shapes = {"{\"message\":%s}", "{\"sessionId\":%s,\"message\":\"hi\"}", "{\"userId\":%s,\"message\":\"hi\"}", "[%s]"};
                String[] values = {"{\"$gt\":\"\"}", "[1,2]", "null", "true", "1.5e300", "\"" + "a".repeat(random.nextInt(300)) + "\""};
                return String.format(shapes[random.nextInt(shapes.length)], values[random.nextInt(values.length)]);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(300).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
