package io.echotune.bot.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.echotune.bot.llm.FakeModelServer.JSON;

/** Gemini generateContent responses (functionCall and text parts), as the Gemini API sends them. */
final class GeminiScript {

    private GeminiScript() {
    }

    /** A response whose parts call functions; {@code namesAndArgs} alternates a name and its JSON arguments. */
    static String functionCalls(String... namesAndArgs) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parts = candidate(root, "STOP");
        for (int i = 0; i < namesAndArgs.length; i += 2) {
            try {
                parts.addObject().putObject("functionCall").put("name", namesAndArgs[i])
                        .set("args", JSON.readTree(namesAndArgs[i + 1]));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return root.toString();
    }

    static String text(String text) {
        ObjectNode root = JSON.createObjectNode();
        candidate(root, "STOP").addObject().put("text", text);
        return root.toString();
    }

    /** A streamed text reply: one complete response per chunk, the last one with the finish reason. */
    static List<String> streamedText(String... chunks) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < chunks.length; i++) {
            ObjectNode root = JSON.createObjectNode();
            candidate(root, i == chunks.length - 1 ? "STOP" : null).addObject().put("text", chunks[i]);
            events.add(root.toString());
        }
        return events;
    }

    private static ArrayNode candidate(ObjectNode root, String finishReason) {
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate.put("index", 0);
        if (finishReason != null) candidate.put("finishReason", finishReason);
        ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
        root.putObject("usageMetadata").put("promptTokenCount", 100).put("candidatesTokenCount", 10).put("totalTokenCount", 110);
        root.put("modelVersion", "gemini-2.5-flash");
        return parts;
    }
}
