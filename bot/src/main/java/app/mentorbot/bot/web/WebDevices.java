package app.mentorbot.bot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.BotSettings;

/**
 * Browsers bound to a person by opening an invitation link. The first open redeems the link and gives
 * that browser a device key (kept in an HttpOnly cookie; only its hash is stored); the same link opened
 * anywhere else is refused, so a forwarded link shows no one a parent's thread.
 */
@Component
public class WebDevices {
    /** The cookie that carries a device key. */
    public static final String COOKIE = "mentorbot_device";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final Invitations invitations;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BotSettings settings;

    WebDevices(Invitations invitations, JdbcClient jdbc, TransactionTemplate tx, Clock clock, BotSettings settings) {
        this.invitations = invitations;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /** What opening an invitation link came to. */
    sealed interface Opening {
        /** The browser is bound to the person; {@code newKey} is set when it needs a fresh cookie. */
        record Bound(String personId, String newKey) implements Opening {}

        /** The link was opened before, in another browser. */
        record AlreadyUsed() implements Opening {}

        /** Too old: the person asks for a new one. */
        record Expired() implements Opening {}

        /** Not a link we signed. */
        record Invalid() implements Opening {}
    }

    /** Redeems {@code token} for this browser; {@code deviceKey} is the browser's cookie, if any. */
    Opening open(String token, String deviceKey) {
        Invitations.Verdict verdict = invitations.read(token);
        if (verdict.status() == Invitations.Status.INVALID) return new Opening.Invalid();
        String tokenHash = hash(token);
        // Reopening the link in the browser it bound is fine, even after the link itself has expired.
        Optional<Bound> current = bound(deviceKey);
        if (current.isPresent() && current.get().tokenHash().equals(tokenHash)) {
            return new Opening.Bound(current.get().personId(), null);
        }
        if (verdict.status() == Invitations.Status.EXPIRED) return new Opening.Expired();
        String key = B64.encodeToString(randomBytes());
        Instant now = clock.instant();
        Boolean redeemed = tx.execute(status -> {
            int inserted = jdbc.sql("insert into invitation_redeemed (token_hash, school_id, person_id, redeemed_at) "
                            + "values (?, ?, ?, ?) on conflict do nothing")
                    .params(tokenHash, settings.schoolId(), verdict.personId(), Timestamp.from(now)).update();
            if (inserted == 0) return false;
            jdbc.sql("insert into web_device (key_hash, school_id, person_id, token_hash, created_at, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(hash(key), settings.schoolId(), verdict.personId(), tokenHash, Timestamp.from(now),
                            Timestamp.from(now.plus(settings.deviceTtl()))).update();
            return true;
        });
        return Boolean.TRUE.equals(redeemed) ? new Opening.Bound(verdict.personId(), key) : new Opening.AlreadyUsed();
    }

    /** The person a browser's device key belongs to, while it is neither expired nor revoked. */
    public Optional<String> owner(String deviceKey) {
        return bound(deviceKey).map(Bound::personId);
    }

    /** Signs out every browser of one person (a lost phone); returns how many. */
    public int signOut(String personId) {
        return jdbc.sql("update web_device set revoked_at = ? where school_id = ? and person_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), settings.schoolId(), personId).update();
    }

    private record Bound(String personId, String tokenHash) {}

    private Optional<Bound> bound(String deviceKey) {
        if (deviceKey == null || deviceKey.isEmpty() || deviceKey.length() > 100) return Optional.empty();
        return jdbc.sql("select person_id, token_hash from web_device where key_hash = ? and school_id = ? "
                        + "and revoked_at is null and expires_at > ?")
                .params(hash(deviceKey), settings.schoolId(), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Bound(rs.getString(1), rs.getString(2))).optional();
    }

    private byte[] randomBytes() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
