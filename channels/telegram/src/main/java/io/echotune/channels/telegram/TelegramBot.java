package io.echotune.channels.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the Telegram bot with the server: learns its own name (for group mentions), publishes its commands, then
 * either long-polls for updates or registers the webhook with its secret. If Telegram cannot be reached at start-up
 * the server starts anyway and the bot keeps trying in the background.
 */
public class TelegramBot implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final Duration START_RETRY = Duration.ofSeconds(5);

    private final TelegramProperties properties;
    private final TelegramSender sender;
    private final AtomicReference<User> me;
    private final TelegramUpdates updates;
    private volatile TelegramBotsLongPollingApplication polling;
    private volatile Thread starter;
    private volatile boolean running;

    TelegramBot(TelegramProperties properties, TelegramSender sender, AtomicReference<User> me, TelegramUpdates updates) {
        this.properties = properties;
        this.sender = sender;
        this.me = me;
        this.updates = updates;
    }

    @Override
    public void start() {
        running = true;
        starter = Thread.ofVirtual().name("telegram-start").start(this::connect);
    }

    private void connect() {
        while (running) {
            try {
                me.set(sender.send(new GetMe()));
                sender.send(SetMyCommands.builder().commands(List.of(
                        new BotCommand("recommend", "Music picks for you"),
                        new BotCommand("playlist", "Make a playlist: /playlist <name>"),
                        new BotCommand("link", "Share your taste with Discord or the web chat"),
                        new BotCommand("help", "What I can do"))).build());
                if (properties.mode() == TelegramProperties.Mode.WEBHOOK) {
                    sender.send(SetWebhook.builder().url(properties.webhookUrl().toString())
                            .secretToken(properties.webhookSecret())
                            .allowedUpdates(List.of("message", "callback_query")).build());
                    log.info("Telegram bot @{} receives updates by webhook at {}", me.get().getUserName(), properties.webhookUrl());
                } else {
                    startPolling();
                    log.info("Telegram bot @{} is long polling {}", me.get().getUserName(), properties.baseUrl());
                }
                return;
            } catch (TelegramApiException e) {
                log.warn("Telegram is not reachable yet ({}); retrying in {} s", e.getMessage(), START_RETRY.toSeconds());
                try {
                    Thread.sleep(START_RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void startPolling() throws TelegramApiException {
        var url = properties.baseUrl();
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        TelegramUrl telegramUrl = new TelegramUrl(url.getScheme(), url.getHost(), port, false);
        TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication();
        // getUpdates asks only for what the bot handles; telegrambots deletes any webhook before polling
        application.registerBot(properties.token(), () -> telegramUrl,
                new DefaultGetUpdatesGenerator(List.of("message", "callback_query")), updates::accept);
        polling = application;
    }

    @Override
    public void stop() {
        running = false;
        if (starter != null) {
            starter.interrupt();
        }
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.warn("Stopping Telegram long polling failed", e);
            }
        }
        updates.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the bot has connected to Telegram (it knows who it is). */
    public boolean isConnected() {
        return me.get() != null;
    }
}
