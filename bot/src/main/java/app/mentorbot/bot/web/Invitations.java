package app.mentorbot.bot.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.settings.BotSettings;

/**
 * Signed invitation tokens for the web chat outside demo mode: {@code PERSON.EXPIRY.NONCE.SIGNATURE}, an
 * HMAC-SHA256 with a key generated once per deployment and kept in the database, so the {@code invite}
 * command and every bot instance agree on it. A token opens the chat once: {@link WebDevices} redeems it.
 */
@Component
public class Invitations {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BotSettings settings;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    Invitations(JdbcClient jdbc, Clock clock, BotSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public String issue(String personId) {
        long expires = clock.instant().plus(settings.invitationTtl()).getEpochSecond();
        // The nonce makes two links for one person (two phones) different, so each opens once.
        byte[] nonce = new byte[9];
        random.nextBytes(nonce);
        String payload = B64.encodeToString(personId.getBytes(StandardCharsets.UTF_8)) + "." + expires + "." + B64.encodeToString(nonce);
        return payload + "." + sign(payload);
    }

    /** What a token says: whom it was issued for, when it is still good. */
    enum Status { VALID, EXPIRED, INVALID }

    record Verdict(Status status, String personId) {
        static final Verdict INVALID = new Verdict(Status.INVALID, null);
    }

    /** Whom a token was issued for and whether it still holds; INVALID unless we signed it. */
    Verdict read(String token) {
        if (token == null || token.length() > 512) return Verdict.INVALID;
        String[] parts = token.split("\\.");
        if (parts.length != 4) return Verdict.INVALID;
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        try {
            String person = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            boolean expired = Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant());
            return new Verdict(expired ? Status.EXPIRED : Status.VALID, person);
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
    }

    /** An HMAC of any payload with the deployment's key (for signed page links too). */
    String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new signing key (after a leak, or as routine): every invitation and page link signed so far stops
     * working; browsers already signed in stay signed in (their cookies are random keys, not signatures).
     * Other running instances keep the old key until they restart.
     */
    public void rotateKey() {
        jdbc.sql("delete from bot_setting where key = 'invitation_key'").update();
        key = null;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into bot_setting (key, value) values ('invitation_key', ?) on conflict (key) do nothing")
                    .param(HexFormat.of().formatHex(fresh)).update();
            String stored = jdbc.sql("select value from bot_setting where key = 'invitation_key'").query(String.class).single();
            k = HexFormat.of().parseHex(stored);
            key = k;
        }
        return k;
    }
}
