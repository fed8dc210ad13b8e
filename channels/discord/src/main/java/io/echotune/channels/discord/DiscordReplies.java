package io.echotune.channels.discord;

import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.channels.common.Answer;
import io.echotune.channels.common.ButtonAction;
import io.echotune.channels.common.MessageChunks;
import io.echotune.channels.common.ReplyText;
import io.echotune.music.catalog.Track;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an {@link Answer} as a Discord message: the reply in an embed with one field per track (a Spotify link
 * and why it was picked), and buttons 👍 / 👎 / "more like" per track plus "save as playlist". Every part is cut
 * to Discord's limits (2,000-character content, 4,096 description, 256/1,024 per field, 6,000 per embed).
 */
final class DiscordReplies {

    static final int MAX_CONTENT = 2000;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_EMBED = 6000;
    /** Discord allows five buttons in a row: one row of 👍, one of 👎, one of "more like" for up to five tracks. */
    static final int MAX_TRACK_BUTTONS = 5;
    private static final int MAX_FIELDS = 25;
    private static final Color ECHOTUNE = new Color(0x1D, 0xB9, 0x54);

    private DiscordReplies() {
    }

    static MessageCreateData create(Answer answer) {
        var builder = new MessageCreateBuilder();
        switch (answer) {
            case Answer.Notice notice -> builder.setContent(MessageChunks.truncate(notice.text(), MAX_CONTENT));
            case Answer.Reply reply -> builder.setEmbeds(embed(reply.reply())).setComponents(buttons(reply.reply()));
        }
        return builder.build();
    }

    static MessageEditData edit(Answer answer) {
        var builder = new MessageEditBuilder();
        switch (answer) {
            case Answer.Notice notice -> builder.setContent(MessageChunks.truncate(notice.text(), MAX_CONTENT))
                    .setEmbeds(List.of()).setComponents(List.of());
            case Answer.Reply reply -> builder.setContent(null).setEmbeds(embed(reply.reply())).setComponents(buttons(reply.reply()));
        }
        return builder.build();
    }

    static MessageEmbed embed(ChatReply reply) {
        var embed = new EmbedBuilder().setColor(ECHOTUNE);
        List<Track> listed = reply.playlist().map(ChatReply.ShownPlaylist::tracks)
                .orElseGet(() -> reply.tracks().stream().map(ShownTrack::track).toList());
        String description = MessageChunks.truncate(ReplyText.withoutTrackLines(reply.text(), listed), MAX_DESCRIPTION);
        int used = description.length();
        if (reply.playlist().isPresent()) {
            var playlist = reply.playlist().get();
            long minutes = playlist.tracks().stream().mapToLong(Track::durationMs).sum() / 60_000;
            String title = MessageChunks.truncate("🎧 " + playlist.playlist().name() + " · " + playlist.tracks().size()
                    + " tracks · " + minutes + " min", MessageEmbed.TITLE_MAX_LENGTH);
            embed.setTitle(title);
            used += title.length();
        }
        embed.setDescription(description);
        String footer = reply.suggestions().isEmpty() ? "" : MessageChunks.truncate("Try: " + String.join(" · ", reply.suggestions()), 200);
        used += footer.length();
        int shown = 0;
        for (int i = 0; i < listed.size() && shown < MAX_FIELDS; i++) {
            Track track = listed.get(i);
            String name = MessageChunks.truncate((i + 1) + ". " + track.display(), MessageEmbed.TITLE_MAX_LENGTH);
            String why = reply.playlist().isEmpty() ? reply.tracks().get(i).reason().map(r -> " · " + r).orElse("") : "";
            String value = MessageChunks.truncate("[Open in Spotify](" + track.spotifyUrl() + ")" + why, MessageEmbed.VALUE_MAX_LENGTH);
            if (used + name.length() + value.length() > MAX_EMBED - 100) {
                break; // the rest would not fit in one embed; the description already says what this is
            }
            embed.addField(name, value, false);
            used += name.length() + value.length();
            shown++;
        }
        if (shown < listed.size()) {
            footer = (footer.isEmpty() ? "" : footer + " · ") + "…and " + (listed.size() - shown) + " more";
        }
        if (!footer.isEmpty()) {
            embed.setFooter(footer);
        }
        return embed.build();
    }

    static List<ActionRow> buttons(ChatReply reply) {
        List<ShownTrack> tracks = reply.tracks().subList(0, Math.min(reply.tracks().size(), MAX_TRACK_BUTTONS));
        if (tracks.isEmpty()) {
            return List.of();
        }
        List<Button> likes = new ArrayList<>();
        List<Button> dislikes = new ArrayList<>();
        List<Button> more = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            String id = tracks.get(i).track().id();
            likes.add(Button.success(ButtonAction.like(id).encode(), "👍 " + (i + 1)));
            dislikes.add(Button.danger(ButtonAction.dislike(id).encode(), "👎 " + (i + 1)));
            more.add(Button.secondary(ButtonAction.more(id).encode(), "More like " + (i + 1)));
        }
        List<ActionRow> rows = new ArrayList<>(List.of(ActionRow.of(likes), ActionRow.of(dislikes), ActionRow.of(more)));
        if (reply.playlist().isEmpty()) {
            rows.add(ActionRow.of(Button.primary(ButtonAction.save().encode(), "💾 Save as playlist")));
        }
        return rows;
    }
}
