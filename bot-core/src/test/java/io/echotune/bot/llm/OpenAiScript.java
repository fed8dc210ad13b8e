package io.echotune.bot.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.echotune.bot.llm.FakeModelServer.JSON;

/** OpenAI chat-completion responses as the real API sends them, for {@link FakeModelServer}'s script. */
final class OpenAiScript {

    record Call(String id, String name, String arguments) {
    }

    static Call call(String id, String name, String arguments) {
        return new Call(id, name, arguments);
    }

    private OpenAiScript() {
    }

    static String toolCalls(Call... calls) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (Call c : calls) {
            ObjectNode tc = toolCalls.addObject().put("id", c.id()).put("type", "function");
            tc.putObject("function").put("name", c.name()).put("arguments", c.arguments());
        }
        return completion(message, "tool_calls");
    }

    static String text(String content) {
        return completion(JSON.createObjectNode().put("role", "assistant").put("content", content), "stop");
    }

    private static String completion(ObjectNode message, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "gpt-4o-mini");
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason).set("message", message);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
        return root.toString();
    }

    /** A streamed text reply, one chunk per token. */
    static List<String> streamedText(String... tokens) {
        List<String> events = new ArrayList<>();
        events.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (String token : tokens) {
            events.add(chunk(JSON.createObjectNode().put("content", token), null));
        }
        events.add(chunk(JSON.createObjectNode(), "stop"));
        return events;
    }

    /** A streamed tool call whose arguments arrive in two pieces, as OpenAI sends them. */
    static List<String> streamedToolCall(String id, String name, String arguments) {
        return streamedToolCall("", id, name, arguments);
    }

    /** A streamed tool call after some text ("Let me look…"), as models often say before calling. */
    static List<String> streamedToolCall(String leadIn, String id, String name, String arguments) {
        List<String> events = new ArrayList<>();
        if (!leadIn.isEmpty()) {
            events.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", leadIn), null));
        }
        int half = arguments.length() / 2;
        ObjectNode first = JSON.createObjectNode().put("role", "assistant");
        first.putNull("content");
        ObjectNode tc = first.putArray("tool_calls").addObject().put("index", 0).put("id", id).put("type", "function");
        tc.putObject("function").put("name", name).put("arguments", arguments.substring(0, half));
        ObjectNode second = JSON.createObjectNode();
        second.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", arguments.substring(half));
        events.addAll(List.of(chunk(first, null), chunk(second, null), chunk(JSON.createObjectNode(), "tool_calls")));
        return events;
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "gpt-4o-mini");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finishReason);
        return root.toString();
    }
}
