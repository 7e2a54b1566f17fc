package app.mentorbot.adapters.xmpp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class rooms (MUC, XEP-0045) the bot sits in: which are joined and under which nick (the room may
 * change it), and the real JIDs of occupants where the room shows them to us. Forgotten on every new
 * connection: the rooms are joined afresh.
 */
final class Rooms {
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
