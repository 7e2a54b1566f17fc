package app.mentorbot.adapters.xmpp;

import java.util.Locale;

/** The few JID operations the adapter needs (RFC 7622 without stringprep: the server normalises). */
final class Jid {
    private Jid() {}

    /** user@domain of a full JID (drops "/resource"); lower-cased, as servers compare local parts and domains. */
    static String bare(String jid) {
        if (jid == null) return null;
        int slash = jid.indexOf('/');
        return (slash < 0 ? jid : jid.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /** The resource (for a room occupant: the nick), or null. */
    static String resource(String jid) {
        if (jid == null) return null;
        int slash = jid.indexOf('/');
        return slash < 0 || slash == jid.length() - 1 ? null : jid.substring(slash + 1);
    }

    /** A plausible bare JID: local@domain, no resource, no spaces or control characters. */
    static boolean isBare(String jid) {
        if (jid == null || jid.isEmpty() || jid.length() > 2048) return false;
        int at = jid.indexOf('@');
        if (at <= 0 || at != jid.lastIndexOf('@') || at == jid.length() - 1) return false;
        return jid.chars().noneMatch(c -> c == '/' || c <= ' ' || c == '<' || c == '>' || c == '\'' || c == '"' || c == '&');
    }
}
