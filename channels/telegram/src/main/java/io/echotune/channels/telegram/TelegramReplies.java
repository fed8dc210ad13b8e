package io.echotune.channels.telegram;

import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.channels.common.Answer;
import io.echotune.channels.common.ButtonAction;
import io.echotune.channels.common.MessageChunks;
import io.echotune.channels.common.ReplyText;
import io.echotune.music.catalog.Track;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an {@link Answer} as Telegram messages: the reply text, the tracks as a numbered list of links (HTML
 * parse mode), and an inline keyboard with 👍 / 👎 / "more like this" per track and "save as playlist".
 * Long replies are split at line ends under Telegram's 4,096-character limit; the keyboard rides on the last part.
 */
final class TelegramReplies {

    static final int MAX_MESSAGE = 4096;
    /** Buttons for this many tracks at most: a taller keyboard is harder to use than to scroll past. */
    static final int MAX_TRACK_BUTTONS = 10;
    static final String PRESSED = "✅";

    private TelegramReplies() {
    }

    static List<SendMessage> render(long chatId, Answer answer) {
        return switch (answer) {
            case Answer.Notice notice -> MessageChunks.split(notice.text(), MAX_MESSAGE).stream()
                    .map(text -> (SendMessage) SendMessage.builder().chatId(chatId).text(text).build())
                    .toList();
            case Answer.Reply reply -> renderReply(chatId, reply.reply());
        };
    }

    private static List<SendMessage> renderReply(long chatId, ChatReply reply) {
        List<Track> listed = reply.playlist().map(ChatReply.ShownPlaylist::tracks)
                .orElseGet(() -> reply.tracks().stream().map(ShownTrack::track).toList());
        StringBuilder html = new StringBuilder(escape(ReplyText.withoutTrackLines(reply.text(), listed)));
        if (reply.playlist().isPresent()) {
            var playlist = reply.playlist().get();
            long minutes = playlist.tracks().stream().mapToLong(Track::durationMs).sum() / 60_000;
            html.append("\n\n🎧 <b>").append(escape(playlist.playlist().name())).append("</b> · ")
                    .append(playlist.tracks().size()).append(" tracks · ").append(minutes).append(" min");
        }
        if (!listed.isEmpty()) {
            html.append("\n");
        }
        for (int i = 0; i < listed.size(); i++) {
            Track track = listed.get(i);
            html.append("\n").append(i + 1).append(". <a href=\"").append(escape(track.spotifyUrl())).append("\">")
                    .append(escape(track.title())).append("</a> — ").append(escape(track.artistLine()));
            if (reply.playlist().isEmpty()) {
                reply.tracks().get(i).reason().ifPresent(why -> html.append("\n    <i>").append(escape(why)).append("</i>"));
            }
        }
        if (!reply.suggestions().isEmpty()) {
            html.append("\n\n<i>Try: ").append(escape(String.join(" · ", reply.suggestions()))).append("</i>");
        }
        // every line is complete HTML on its own, so cutting at line ends never breaks a tag
        List<String> parts = MessageChunks.split(html.toString(), MAX_MESSAGE);
        InlineKeyboardMarkup keyboard = keyboard(reply);
        List<SendMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            var message = SendMessage.builder().chatId(chatId).text(parts.get(i)).parseMode(ParseMode.HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (i == parts.size() - 1 && keyboard != null) {
                message.replyMarkup(keyboard);
            }
            messages.add((SendMessage) message.build());
        }
        return messages;
    }

    private static InlineKeyboardMarkup keyboard(ChatReply reply) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        List<ShownTrack> tracks = reply.tracks();
        for (int i = 0; i < Math.min(tracks.size(), MAX_TRACK_BUTTONS); i++) {
            String id = tracks.get(i).track().id();
            int n = i + 1;
            rows.add(new InlineKeyboardRow(
                    button("👍 " + n, ButtonAction.like(id)),
                    button("👎 " + n, ButtonAction.dislike(id)),
                    button("More like " + n, ButtonAction.more(id))));
        }
        if (!tracks.isEmpty() && reply.playlist().isEmpty()) {
            rows.add(new InlineKeyboardRow(button("💾 Save as playlist", ButtonAction.save())));
        }
        return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
    }

    /** The same keyboard with the pressed button marked, so the chat shows what was recorded. */
    static InlineKeyboardMarkup markPressed(InlineKeyboardMarkup keyboard, String callbackData) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (InlineKeyboardRow row : keyboard.getKeyboard()) {
            InlineKeyboardRow copy = new InlineKeyboardRow();
            for (InlineKeyboardButton b : row) {
                boolean pressed = callbackData.equals(b.getCallbackData()) && !b.getText().startsWith(PRESSED);
                copy.add(pressed ? button(PRESSED + " " + b.getText(), ButtonAction.decode(callbackData).orElseThrow()) : b);
            }
            rows.add(copy);
        }
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton button(String text, ButtonAction action) {
        return InlineKeyboardButton.builder().text(text).callbackData(action.encode()).build();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
