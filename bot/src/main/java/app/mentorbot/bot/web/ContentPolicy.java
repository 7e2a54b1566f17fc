package app.mentorbot.bot.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every answer. Nothing is allowed by default; the pages' own inline
 * {@code <script>} and {@code <style>} blocks are allowed by their SHA-256 hash, taken from the page templates at
 * start-up, so editing a page keeps its policy right and nothing injected into a page can run. The chat page may
 * ask its own server ({@code fetch}) and open its socket: {@code 'self'}, plus the ws/wss origin of the public
 * URL when there is one (Safari before 16 does not count ws: and wss: as {@code 'self'}). No page may be framed or
 * change its base URL; a form may post only to this site (the pairing page's moves).
 */
final class ContentPolicy {
    private static final Pattern INLINE = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

    private ContentPolicy() {}

    /** The policy for pages built from these templates; {@code publicUrl} may be null. */
    static String of(Collection<String> templates, String publicUrl) {
        Set<String> scripts = new LinkedHashSet<>();
        Set<String> styles = new LinkedHashSet<>();
        for (String html : templates) {
            Matcher inline = INLINE.matcher(html);
            while (inline.find()) (inline.group(1).equals("script") ? scripts : styles).add("'sha256-" + sha256(inline.group(2)) + "'");
        }
        return "default-src 'none'; script-src " + sources(scripts) + "; style-src " + sources(styles)
                + "; img-src data:; connect-src 'self'" + socketOrigin(publicUrl) + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String sources(Set<String> hashes) {
        return hashes.isEmpty() ? "'none'" : String.join(" ", hashes);
    }

    /** " wss://host[:port]" for an https public URL, " ws://…" for http, "" for none. */
    private static String socketOrigin(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) return "";
        URI url = URI.create(publicUrl.strip());
        if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("mentorbot.public-url must be an http or https URL, not " + publicUrl);
        }
        return " " + ("https".equals(url.getScheme()) ? "wss" : "ws") + "://" + url.getRawAuthority();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }
}
