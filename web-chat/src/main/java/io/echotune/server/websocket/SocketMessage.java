package io.echotune.server.websocket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message from the browser on the chat WebSocket. {@code type} says which fields matter:
 * <ul>
 *   <li>{@code hello} {token, sessionId?} — first message: who is talking and which conversation to resume;</li>
 *   <li>{@code message} {id, text} — a chat turn; {@code id} is echoed on the answers to it;</li>
 *   <li>{@code feedback} {trackId, liked} — 👍 / 👎 on a track;</li>
 *   <li>{@code ping} — keeps the connection alive through proxies and tells the client it is still up.</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SocketMessage(String type, String token, String sessionId, String id, String text, String trackId, Boolean liked) {
}
