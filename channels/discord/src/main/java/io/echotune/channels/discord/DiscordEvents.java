package io.echotune.channels.discord;

import io.echotune.channels.common.Answer;
import io.echotune.channels.common.ButtonAction;
import io.echotune.channels.common.ChannelConversation;
import io.echotune.channels.common.ChatKey;
import io.echotune.channels.common.ChatOrder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Translates Discord events into conversation calls: slash commands (/ask, /recommend, /playlist, /link), messages
 * that mention the bot, DMs, and reply buttons. Interactions are acknowledged at once ("thinking…") and the answer
 * edited in when the turn is done, so a slow turn never misses Discord's three-second window. The conversation runs
 * off JDA's event thread, in each chat's order; a failure in one event is logged and the bot carries on.
 */
public class DiscordEvents extends ListenerAdapter {

    static final String CHANNEL = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordEvents.class);

    private final ChannelConversation conversation;
    private final ChatOrder order;

    DiscordEvents(ChannelConversation conversation, ChatOrder order) {
        this.conversation = conversation;
        this.order = order;
    }

    static List<SlashCommandData> commands() {
        return List.of(
                Commands.slash("ask", "Talk to EchoTune: ask for music in your own words")
                        .addOption(OptionType.STRING, "message", "e.g. something calm to study to", true),
                Commands.slash("recommend", "Music picks for you")
                        .addOption(OptionType.STRING, "what", "a mood, genre, activity or artist (optional)", false),
                Commands.slash("playlist", "Make a playlist from what we talked about")
                        .addOption(OptionType.STRING, "name", "the playlist's name (optional)", false),
                Commands.slash("link", "Share your taste with Telegram or the web chat")
                        .addOption(OptionType.STRING, "code", "a code made with /link on another channel (optional)", false))
                .stream()
                .map(c -> c.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                        .setIntegrationTypes(IntegrationType.GUILD_INSTALL))
                .toList();
    }

    /** Commands are the application's, not a shard's: the process holding shard 0 publishes them. */
    @Override
    public void onReady(ReadyEvent event) {
        var shard = event.getJDA().getShardInfo();
        if (shard.getShardId() == 0) {
            event.getJDA().updateCommands().addCommands(commands()).queue(
                    done -> log.info("Discord slash commands registered: {}", done.size()),
                    failed -> log.error("Registering Discord slash commands failed", failed));
        }
        log.info("Discord shard {} ready as {}", shard.getShardString(), event.getJDA().getSelfUser().getName());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        User user = event.getUser();
        ChatKey key = new ChatKey(CHANNEL, event.getChannelId(), user.getId());
        String name = user.getEffectiveName();
        boolean privateAnswer = event.getName().equals("link"); // a link code is for the person only
        Supplier<Answer> work = switch (event.getName()) {
            case "ask" -> () -> conversation.say(key, name, option(event, "message").orElse(""));
            case "recommend" -> () -> conversation.say(key, name,
                    option(event, "what").map(w -> "recommend " + w).orElse("recommend me something"));
            case "playlist" -> () -> conversation.say(key, name,
                    option(event, "name").map(n -> "make that a playlist called " + n).orElse("make that a playlist"));
            case "link" -> () -> conversation.link(key, name, option(event, "code").orElse(""));
            default -> () -> new Answer.Notice("I don't know that command.");
        };
        event.deferReply(privateAnswer).queue();
        order.submit(key.chatId() + ":" + key.userId(),
                () -> event.getHook().editOriginal(DiscordReplies.edit(work.get())).queue(null,
                        failed -> log.error("Could not deliver a Discord reply", failed)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<ButtonAction> action = ButtonAction.decode(event.getComponentId());
        if (action.isEmpty()) {
            event.reply("This button no longer works.").setEphemeral(true).queue();
            return;
        }
        User user = event.getUser();
        ChatKey key = new ChatKey(CHANNEL, event.getChannelId(), user.getId());
        boolean feedback = action.get().kind() == ButtonAction.Kind.LIKE || action.get().kind() == ButtonAction.Kind.DISLIKE;
        // feedback is a quiet confirmation for the one who pressed; "more" and "save" answer in the conversation
        event.deferReply(feedback).queue();
        order.submit(key.chatId() + ":" + key.userId(), () -> {
            Answer answer = conversation.press(action.get(), key, user.getEffectiveName());
            event.getHook().editOriginal(DiscordReplies.edit(answer)).queue(null,
                    failed -> log.error("Could not deliver a Discord reply", failed));
        });
    }

    /** DMs, and guild messages that mention the bot (Discord sends their text without the privileged intent). */
    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem()) {
            return;
        }
        Message message = event.getMessage();
        User self = event.getJDA().getSelfUser();
        boolean direct = event.isFromType(ChannelType.PRIVATE);
        if (!direct && !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
            return;
        }
        String text = message.getContentRaw().replace("<@" + self.getId() + ">", "").replace("<@!" + self.getId() + ">", "").strip();
        ChatKey key = new ChatKey(CHANNEL, event.getChannel().getId(), author.getId());
        String name = author.getEffectiveName();
        event.getChannel().sendTyping().queue(null, failed -> { });
        order.submit(key.chatId() + ":" + key.userId(), () -> {
            Answer answer = text.toLowerCase().startsWith("/link")
                    ? conversation.link(key, name, text.substring(5).strip())
                    : conversation.say(key, name, text);
            message.reply(DiscordReplies.create(answer)).mentionRepliedUser(false).queue(null,
                    failed -> log.error("Could not deliver a Discord reply", failed));
        });
    }

    private static Optional<String> option(SlashCommandInteractionEvent event, String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString).filter(s -> !s.isBlank());
    }
}
