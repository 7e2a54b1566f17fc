package app.mentorbot.adapters.xmpp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.w3c.dom.Element;

import app.mentorbot.adapters.api.InboundMessage;

/**
 * Maps a {@code <message/>} stanza to the neutral message, or to nothing for what the pipeline must
 * not see: errors, headlines, bodiless notifications (chat states, receipts, room subjects), our own
 * messages and the room's echo of them, room history, messages from rooms we did not join.
 *
 * <p>Ids: the server's stanza-id (XEP-0359) when it is stamped by our own account (1:1) or by the room
 * (group), since only those are trustworthy and the same on every redelivery; otherwise the sender's
 * message id with the sender. One-to-one: chat and sender are the sender's bare JID. Rooms: chat
 * "group:" + room JID, sender the occupant's real bare JID when the room shows it, otherwise the full
 * occupant JID room@service/nick (never a bare nick, which anyone could choose to look like a user JID).
 */
final class Inbound {
    static final String GROUP_PREFIX = "group:";

    private final String platform;
    private final String ownBare;
    private final Rooms rooms;
    private final Clock clock;

    Inbound(String platform, String ownBare, Rooms rooms, Clock clock) {
        this.platform = platform;
        this.ownBare = Jid.bare(ownBare);
        this.rooms = rooms;
        this.clock = clock;
    }

    Optional<InboundMessage> map(Element message) {
        String type = Optional.ofNullable(Xml.attr(message, "type")).orElse("normal");
        String from = Xml.attr(message, "from");
        Element bodyElement = Xml.child(message, Xml.CLIENT, "body");
        if (from == null || bodyElement == null) return Optional.empty();
        if (!type.equals("chat") && !type.equals("normal") && !type.equals("groupchat")) return Optional.empty();
        String body = Xml.text(bodyElement);
        if (body.isBlank()) return Optional.empty();
        String fromBare = Jid.bare(from);
        Element delay = Xml.child(message, Xml.DELAY, "delay");
        Instant sentAt = stamp(delay);
        return type.equals("groupchat") ? group(message, from, fromBare, body, delay, sentAt) : direct(message, from, fromBare, body, sentAt);
    }

    private Optional<InboundMessage> direct(Element message, String from, String fromBare, String body, Instant sentAt) {
        // our own account (another session, a carbon), the server itself, or a private message inside a room
        if (fromBare.equals(ownBare) || fromBare.indexOf('@') <= 0 || rooms.isConfigured(fromBare)) return Optional.empty();
        String id = stanzaId(message, ownBare);
        if (id == null) id = fallbackId(message, fromBare, body, sentAt);
        return Optional.of(new InboundMessage(platform, id, fromBare, fromBare, body, sentAt, Map.of()));
    }

    private Optional<InboundMessage> group(Element message, String from, String room, String body, Element delay, Instant sentAt) {
        String nick = Jid.resource(from);
        String ourNick = rooms.ourNick(room);
        if (ourNick == null || nick == null) return Optional.empty(); // not a room we sit in, or the room itself talking
        if (nick.equals(ourNick)) return Optional.empty(); // the room's echo of what we said
        if (delay != null) return Optional.empty(); // history replayed on join
        String real = rooms.realJid(room, nick);
        if (ownBare.equals(real)) return Optional.empty(); // another bot instance under another nick
        String sender = real != null ? real : room + "/" + nick;
        String sid = stanzaId(message, room);
        // room archives number their own messages: keep the room in the key so two rooms never clash
        String id = sid != null ? room + "/" + sid : fallbackId(message, room + "/" + nick, body, sentAt);
        return Optional.of(new InboundMessage(platform, id, GROUP_PREFIX + room, sender, body, sentAt,
                Map.of(InboundMessage.GROUP, "true")));
    }

    /**
     * The stanza-id stamped by {@code by} (our account or the room), or null. The last one wins: servers
     * should strip ids a sender forged in our name, but Prosody 0.12.3 keeps them and appends its own
     * (seen in the real-server test), so the server's is the last.
     */
    private static String stanzaId(Element message, String by) {
        String found = null;
        for (Element sid : Xml.children(message, Xml.SID, "stanza-id")) {
            String id = Xml.attr(sid, "id");
            if (by.equals(Jid.bare(Xml.attr(sid, "by"))) && id != null && !id.isBlank() && id.length() <= 256) found = id;
        }
        return found;
    }

    private String fallbackId(Element message, String sender, String body, Instant sentAt) {
        String id = Xml.attr(message, "id");
        if (id != null && !id.isBlank() && id.length() <= 256) return sender + "#" + id;
        // no id at all: only a delayed (offline) copy has something stable to key on
        if (Xml.child(message, Xml.DELAY, "delay") != null) return sender + "#" + sha256(sentAt + "\n" + body);
        return sender + "#" + UUID.randomUUID();
    }

    private Instant stamp(Element delay) {
        String stamp = Xml.attr(delay, "stamp");
        if (stamp != null) {
            try {
                return OffsetDateTime.parse(stamp).toInstant();
            } catch (DateTimeParseException e) {
                // a bad stamp is no reason to drop the message
            }
        }
        return clock.instant();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
