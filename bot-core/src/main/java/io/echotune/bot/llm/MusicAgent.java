package io.echotune.bot.llm;

import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;

/**
 * The agent's contract, implemented by LangChain4j's {@code AiServices}. The person's text goes in as content,
 * not as a template, so braces in it are just text.
 */
interface MusicAgent {

    String chat(@MemoryId String sessionId, @UserMessage TextContent message);

    TokenStream chatStreaming(@MemoryId String sessionId, @UserMessage TextContent message);
}
