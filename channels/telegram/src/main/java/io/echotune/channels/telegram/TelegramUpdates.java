package io.echotune.channels.telegram;

import io.echotune.channels.common.Answer;
import io.echotune.channels.common.ButtonAction;
import io.echotune.channels.common.ChannelConversation;
import io.echotune.channels.common.ChatKey;
import io.echotune.channels.common.ChatOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Translates Telegram updates into conversation calls and sends the answers back. Private chats get an answer to
 * everything; groups only when the bot is mentioned, replied to, or given a command. Whatever one update does
 * wrong is logged and the bot goes on with the next.
 */
public class TelegramUpdates {

    static final String CHANNEL = "telegram";
    static final String HELP = """
            I find music, recommend tracks that fit your taste and mood, and build playlists. Just tell me, e.g. \
            "something calm to study to", "more like Daft Punk" or "make a 20-song workout playlist".

            /recommend <what you're after> — picks for you
            /playlist <name> — make a playlist from what we talked about
            /link — use your taste on Discord or the web chat too (or /link CODE to join a code from there)
            /help — this message

            Tap 👍 / 👎 under a track to teach me your taste.""";
    /** Telegram shows "typing…" for 5 seconds; renewing every 4 keeps it on while a turn is worked out. */
    private static final Duration TYPING_RENEWAL = Duration.ofSeconds(4);
    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final ChannelConversation conversation;
    private final TelegramSender sender;
    private final ChatOrder order;
    private final Supplier<User> bot;
    private final ScheduledExecutorService typing = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

    TelegramUpdates(ChannelConversation conversation, TelegramSender sender, ChatOrder order, Supplier<User> bot) {
        this.conversation = conversation;
        this.sender = sender;
        this.order = order;
        this.bot = bot;
    }

    /**
     * Queues updates in their chat's order and returns at once; the future completes when all of them have been
     * handled (the turn stored and the reply sent, or the failure logged).
     */
    public CompletableFuture<Void> accept(List<Update> updates) {
        return CompletableFuture.allOf(updates.stream()
                .map(update -> order.submit(chatOf(update), () -> handle(update)))
                .toArray(CompletableFuture[]::new));
    }

    private static String chatOf(Update update) {
        if (update.hasMessage()) {
            return CHANNEL + ":" + update.getMessage().getChatId();
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return CHANNEL + ":" + update.getCallbackQuery().getMessage().getChatId();
        }
        return CHANNEL + ":update:" + update.getUpdateId();
    }

    void handle(Update update) {
        if (update.hasCallbackQuery()) {
            onButton(update.getCallbackQuery());
        } else if (update.hasMessage() && update.getMessage().hasText() && update.getMessage().getFrom() != null
                && !Boolean.TRUE.equals(update.getMessage().getFrom().getIsBot())) {
            onMessage(update.getMessage());
        }
    }

    private void onMessage(Message message) {
        String text = addressedText(message);
        if (text == null) {
            return; // group chatter not meant for us
        }
        long chatId = message.getChatId();
        User from = message.getFrom();
        ChatKey key = new ChatKey(CHANNEL, Long.toString(chatId), Long.toString(from.getId()));
        String name = displayName(from);
        Answer answer = whileTyping(chatId, () -> {
            if (!text.startsWith("/")) {
                return conversation.say(key, name, text);
            }
            String[] parts = text.split("\\s+", 2);
            String command = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
            String argument = parts.length > 1 ? parts[1].strip() : "";
            return switch (command) {
                case "/start", "/help" -> new Answer.Notice(HELP);
                case "/recommend" -> conversation.say(key, name, argument.isEmpty() ? "recommend me something" : "recommend " + argument);
                case "/playlist" -> conversation.say(key, name, argument.isEmpty() ? "make that a playlist"
                        : "make that a playlist called " + argument);
                case "/link" -> conversation.link(key, name, argument);
                default -> new Answer.Notice("I don't know that command. " + HELP);
            };
        });
        send(TelegramReplies.render(chatId, answer));
    }

    private void onButton(CallbackQuery query) {
        var action = ButtonAction.decode(query.getData());
        if (action.isEmpty() || query.getMessage() == null) {
            sender.trySend(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text("This button no longer works.").build());
            return;
        }
        long chatId = query.getMessage().getChatId();
        User from = query.getFrom();
        ChatKey key = new ChatKey(CHANNEL, Long.toString(chatId), Long.toString(from.getId()));
        boolean feedback = action.get().kind() == ButtonAction.Kind.LIKE || action.get().kind() == ButtonAction.Kind.DISLIKE;
        if (feedback) {
            Answer answer = conversation.press(action.get(), key, displayName(from));
            String toast = answer instanceof Answer.Notice notice ? notice.text() : "";
            sender.trySend(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(toast).build());
            if (toast.startsWith("👍") || toast.startsWith("👎")) {
                markPressed(query, chatId);
            }
            return;
        }
        // stop the button's spinner at once; the answer follows as a new message
        sender.trySend(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
        Answer answer = whileTyping(chatId, () -> conversation.press(action.get(), key, displayName(from)));
        send(TelegramReplies.render(chatId, answer));
    }

    private void markPressed(CallbackQuery query, long chatId) {
        if (query.getMessage() instanceof Message message && message.getReplyMarkup() != null) {
            sender.trySend(EditMessageReplyMarkup.builder().chatId(chatId).messageId(message.getMessageId())
                    .replyMarkup(TelegramReplies.markPressed(message.getReplyMarkup(), query.getData())).build());
        }
    }

    /**
     * The text meant for the bot, without the mention; null when a group message is not addressed to it.
     */
    private String addressedText(Message message) {
        String text = message.getText().strip();
        if (message.isUserMessage()) {
            return text;
        }
        User me = bot.get();
        String mention = "@" + me.getUserName();
        boolean mentioned = message.getEntities() != null && message.getEntities().stream()
                .filter(e -> "mention".equals(e.getType()))
                .map(MessageEntity::getText)
                .anyMatch(m -> m != null && m.equalsIgnoreCase(mention));
        boolean repliedTo = message.getReplyToMessage() != null && message.getReplyToMessage().getFrom() != null
                && me.getId().equals(message.getReplyToMessage().getFrom().getId());
        boolean command = message.isCommand() && (!text.split("\\s+", 2)[0].contains("@")
                || text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT).endsWith(mention.toLowerCase(Locale.ROOT)));
        if (!mentioned && !repliedTo && !command) {
            return null;
        }
        return text.replaceAll("(?i)" + java.util.regex.Pattern.quote(mention), "").strip();
    }

    private Answer whileTyping(long chatId, Supplier<Answer> work) {
        // on its own virtual thread: a slow Bot API must not hold up the typing of other chats
        Runnable showTyping = () -> Thread.startVirtualThread(
                () -> sender.trySend(SendChatAction.builder().chatId(chatId).action("typing").build()));
        ScheduledFuture<?> renewal = typing.scheduleAtFixedRate(showTyping, 0, TYPING_RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            renewal.cancel(false);
        }
    }

    private void send(List<SendMessage> messages) {
        for (SendMessage message : messages) {
            try {
                sender.send(message);
            } catch (TelegramApiException e) {
                // the turn is already stored in chat_sessions; the person can ask again
                log.error("Could not deliver a reply to Telegram chat {} after {} attempts", message.getChatId(),
                        TelegramSender.ATTEMPTS, e);
                return;
            }
        }
    }

    private static String displayName(User user) {
        return user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
    }

    void close() {
        typing.shutdownNow();
    }
}
