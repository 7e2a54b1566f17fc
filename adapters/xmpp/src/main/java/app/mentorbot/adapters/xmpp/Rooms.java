package app.mentorbot.adapters.xmpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The class rooms (MUC, XEP-0045) the bot sits in: which are joined and under which nick (the room may
 * change it), and the real JIDs of occupants where the room shows them to us, all learnt from the rooms'
 * presence. Forgotten on every new connection: the rooms are joined afresh.
 */
final class Rooms {
    private static final Logger log = LoggerFactory.getLogger(Rooms.class);

    private final AtomicLong ids = new AtomicLong();
    private final Set<String> configured;
    private final Map<String, String> ourNickByRoom = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> realJidByNick = new ConcurrentHashMap<>();

    Rooms(List<String> rooms) {
        this.configured = Set.copyOf(rooms.stream().map(Jid::bare).toList());
    }

    Set<String> configured() {
        return configured;
    }

    boolean isConfigured(String roomBare) {
        return configured.contains(roomBare);
    }

    boolean isJoined(String roomBare) {
        return ourNickByRoom.containsKey(roomBare);
    }

    Set<String> joined() {
        return Set.copyOf(ourNickByRoom.keySet());
    }

    String ourNick(String roomBare) {
        return ourNickByRoom.get(roomBare);
    }

    /** A presence stanza: a configured room telling who is in it, us included; others' presence is ignored. */
    void onPresence(Element presence, FrameWriter out) throws IOException {
        String from = Xml.attr(presence, "from");
        String room = Jid.bare(from);
        if (room == null || !isConfigured(room)) return; // we keep no roster: people's presence is not our business
        String nick = Jid.resource(from);
        String type = Xml.attr(presence, "type");
        if ("error".equals(type)) {
            log.warn("XMPP: could not join room {}: {}", room, Xml.condition(presence));
            left(room);
            return;
        }
        if (nick == null) return;
        Element x = Xml.child(presence, Xml.MUC_USER, "x");
        List<String> codes = new ArrayList<>();
        for (Element status : Xml.children(x, Xml.MUC_USER, "status")) codes.add(Xml.attr(status, "code"));
        boolean self = codes.contains("110");
        if ("unavailable".equals(type)) {
            if (self) {
                log.warn("XMPP: left room {} (status {})", room, codes);
                left(room);
            } else {
                gone(room, nick);
            }
            return;
        }
        if (self) {
            joined(room, nick);
            log.info("XMPP: joined room {} as {}", room, nick);
            if (codes.contains("201")) {
                // we created the room: accept the default configuration so others can enter (XEP-0045 §10.1.2)
                out.send("<iq xmlns='jabber:client' type='set' id='room-" + ids.incrementAndGet() + "' to='" + Xml.escape(room)
                        + "'><query xmlns='" + Xml.MUC_OWNER + "'><x xmlns='" + Xml.DATA + "' type='submit'/></query></iq>");
            }
        } else {
            occupant(room, nick, Xml.attr(Xml.child(x, Xml.MUC_USER, "item"), "jid"));
        }
    }

    void joined(String roomBare, String nick) {
        ourNickByRoom.put(roomBare, nick);
    }

    void left(String roomBare) {
        ourNickByRoom.remove(roomBare);
        realJidByNick.remove(roomBare);
    }

    void occupant(String roomBare, String nick, String realJid) {
        Map<String, String> occupants = realJidByNick.computeIfAbsent(roomBare, r -> new ConcurrentHashMap<>());
        if (realJid == null) occupants.remove(nick);
        else occupants.put(nick, Jid.bare(realJid));
    }

    void gone(String roomBare, String nick) {
        Map<String, String> occupants = realJidByNick.get(roomBare);
        if (occupants != null) occupants.remove(nick);
    }

    /** The occupant's real bare JID, or null when the room keeps it from us. */
    String realJid(String roomBare, String nick) {
        Map<String, String> occupants = realJidByNick.get(roomBare);
        return occupants == null ? null : occupants.get(nick);
    }

    void reset() {
        ourNickByRoom.clear();
        realJidByNick.clear();
    }
}
