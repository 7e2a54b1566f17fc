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

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.settings.BotSettings;
import jakarta.servlet.http.HttpServletRequest;

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
    private final Schools schools;

    WebDevices(Invitations invitations, JdbcClient jdbc, TransactionTemplate tx, Clock clock, BotSettings settings, Schools schools) {
        this.schools = schools;
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

        /** This browser is signed in as someone else; an invitation never replaces that silently. */
        record OtherPerson() implements Opening {}
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
        if (current.isPresent() && !current.get().personId().equals(verdict.personId())) return new Opening.OtherPerson();
        return redeem(tokenHash, verdict.personId()).<Opening>map(key -> new Opening.Bound(verdict.personId(), key))
                .orElseGet(Opening.AlreadyUsed::new);
    }

    /** What opening a signed page link in this browser comes to. */
    sealed interface PageOpening {
        /** The browser is the viewer's; {@code newKey} is set when this open bound it. */
        record Viewer(String newKey) implements PageOpening {}

        /** Signed in as someone else: a link forwarded to a colleague or a parent. */
        record OtherPerson() implements PageOpening {}

        /** The link was first opened in another browser, or made before its viewer was signed out. */
        record Spent() implements PageOpening {}
    }

    /**
     * A page link opens in the browser of the person it was made for. A browser signed in as someone else
     * is refused; one with no sign-in is bound to the viewer by the link's first open, once, as by an
     * invitation; a link made before its viewer was signed out opens nowhere new.
     */
    PageOpening openPage(String linkSignature, String viewer, Instant issuedAt, String deviceKey) {
        Optional<Bound> current = bound(deviceKey);
        if (current.isPresent()) {
            return current.get().personId().equals(viewer) ? new PageOpening.Viewer(null) : new PageOpening.OtherPerson();
        }
        Schools.SchoolPerson v = schools.parse(viewer);
        Optional<Instant> signedOut = jdbc.sql("select signed_out_at from person_sign_out where school_id = ? and person_id = ?")
                .params(v.schoolId(), v.personId()).query(Timestamp.class).optional().map(Timestamp::toInstant);
        if (signedOut.isPresent() && !issuedAt.isAfter(signedOut.get())) return new PageOpening.Spent();
        return redeem(hash("page-link|" + linkSignature), viewer).<PageOpening>map(PageOpening.Viewer::new)
                .orElseGet(PageOpening.Spent::new);
    }

    /** Marks a link used and binds a new device key to its person; empty when the link was used before. */
    private Optional<String> redeem(String tokenHash, String qualifiedId) {
        Schools.SchoolPerson p = schools.parse(qualifiedId);
        String key = B64.encodeToString(randomBytes());
        Instant now = clock.instant();
        Boolean redeemed = tx.execute(status -> {
            int inserted = jdbc.sql("insert into invitation_redeemed (token_hash, school_id, person_id, redeemed_at) "
                            + "values (?, ?, ?, ?) on conflict do nothing")
                    .params(tokenHash, p.schoolId(), p.personId(), Timestamp.from(now)).update();
            if (inserted == 0) return false;
            jdbc.sql("insert into web_device (key_hash, school_id, person_id, token_hash, created_at, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(hash(key), p.schoolId(), p.personId(), tokenHash, Timestamp.from(now),
                            Timestamp.from(now.plus(settings.deviceTtl()))).update();
            return true;
        });
        return Boolean.TRUE.equals(redeemed) ? Optional.of(key) : Optional.empty();
    }

    /**
     * The device cookie: HttpOnly so page scripts cannot read it, Secure over https, SameSite=Lax so a link
     * tapped in DingTalk, WeCom or a mail page still arrives signed in (Strict drops it on every navigation
     * that starts on another site, which would refuse a teacher's own link). Nothing that changes data
     * answers a cross-site GET, and the chat's socket checks its Origin.
     */
    ResponseCookie cookie(String key, HttpServletRequest request) {
        boolean https = request.isSecure() || (settings.publicUrl() != null && settings.publicUrl().startsWith("https:"));
        return ResponseCookie.from(COOKIE, key).httpOnly(true).sameSite("Lax").secure(https)
                .path("/").maxAge(settings.deviceTtl()).build();
    }

    /** The person a browser's device key belongs to, while it is neither expired nor revoked. */
    public Optional<String> owner(String deviceKey) {
        return bound(deviceKey).map(Bound::personId);
    }

    /** Signs out every browser of one person (a lost phone) and ends every page link made for them so far; returns how many browsers. */
    public int signOut(String qualifiedId) {
        Schools.SchoolPerson p = schools.parse(qualifiedId);
        Timestamp now = Timestamp.from(clock.instant());
        return tx.execute(status -> {
            jdbc.sql("insert into person_sign_out (school_id, person_id, signed_out_at) values (?, ?, ?) "
                            + "on conflict (school_id, person_id) do update set signed_out_at = excluded.signed_out_at")
                    .params(p.schoolId(), p.personId(), now).update();
            return jdbc.sql("update web_device set revoked_at = ? where school_id = ? and person_id = ? and revoked_at is null")
                    .params(now, p.schoolId(), p.personId()).update();
        });
    }

    private record Bound(String personId, String tokenHash) {}

    /** True when this browser is signed in as the viewer already (a change posted from a page needs that; it never binds a browser). */
    boolean isViewersBrowser(String viewer, String deviceKey) {
        return bound(deviceKey).map(b -> b.personId().equals(viewer)).orElse(false);
    }

    private Optional<Bound> bound(String deviceKey) {
        if (deviceKey == null || deviceKey.isEmpty() || deviceKey.length() > 100) return Optional.empty();
        return jdbc.sql("select school_id, person_id, token_hash from web_device where key_hash = ? "
                        + "and revoked_at is null and expires_at > ?")
                .params(hash(deviceKey), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Bound(schools.qualify(rs.getString(1), rs.getString(2)), rs.getString(3))).optional();
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
