package app.mentorbot.adapters.webchat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the cookies of a socket's opening request, and only when our own page opened it. */
final class Handshakes {
    static final String COOKIES = "mentorbot.cookies";

    private Handshakes() {}

    /**
     * The request's cookies, or none when the browser says another site's page opened the socket
     * (its Origin differs from the Host it connected to): cookies must not let a foreign page talk as
     * a signed-in parent. Clients that send no Origin (not browsers) keep theirs.
     */
    static Map<String, String> sameSiteCookies(Map<String, List<String>> headers) {
        String origin = header(headers, "origin");
        String host = header(headers, "host");
        if (origin != null && !sameHost(origin, host)) return Map.of();
        Map<String, String> cookies = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (!"cookie".equalsIgnoreCase(h.getKey()) || h.getValue() == null) continue;
            for (String line : h.getValue()) {
                if (line == null) continue;
                for (String pair : line.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) continue;
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
                    if (!name.isEmpty() && cookies.size() < 50) cookies.putIfAbsent(name, value);
                }
            }
        }
        return cookies;
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null) return false;
        try {
            URI o = URI.create(origin.trim());
            if (o.getHost() == null) return false;
            String originHost = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
            String h = host.trim().toLowerCase(Locale.ROOT);
            String oh = originHost.toLowerCase(Locale.ROOT);
            // Default ports may be left out of either header.
            return h.equals(oh) || h.equals(oh + ":80") || h.equals(oh + ":443")
                    || oh.equals(h + ":80") || oh.equals(h + ":443");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (name.equalsIgnoreCase(h.getKey()) && h.getValue() != null && !h.getValue().isEmpty()) return h.getValue().get(0);
        }
        return null;
    }
}
