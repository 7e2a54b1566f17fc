package app.mentorbot.conversations.dialogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time binding codes: six digits a mentor or admin gives someone so their chat account becomes
 * that roster person. Stored hashed, single use, expiring; five wrong guesses an hour per account and
 * the account must wait.
 */
final class BindingCodes {
    static final Duration LIFETIME = Duration.ofDays(7);
    static final int MAX_FAILURES_PER_HOUR = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    BindingCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Outcome { BOUND, ALREADY_BOUND, INVALID, TOO_MANY_TRIES }

    record Redemption(Outcome outcome, String personId) {}

    String issue(String schoolId, String personId, String issuedBy, Instant now) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            int inserted = jdbc.sql("insert into binding_code (code_hash, school_id, person_id, issued_by, issued_at, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?) on conflict (code_hash) do nothing")
                    .params(hash(schoolId, code), schoolId, personId, issuedBy, Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
                    .update();
            if (inserted == 1) return code;
        }
        throw new IllegalStateException("could not find a free binding code");
    }

    Redemption redeem(String schoolId, String platform, String account, String code, Instant now) {
        long failures = jdbc.sql("select count(*) from binding_failure where school_id = ? and platform = ? and platform_user_id = ? and failed_at > ?")
                .params(schoolId, platform, account, Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (failures >= MAX_FAILURES_PER_HOUR) return new Redemption(Outcome.TOO_MANY_TRIES, null);
        Optional<String> person = jdbc.sql("update binding_code set used_at = ?, used_by = ? where code_hash = ? and school_id = ? "
                        + "and used_at is null and expires_at > ? returning person_id")
                .params(Timestamp.from(now), platform + ":" + account, hash(schoolId, code), schoolId, Timestamp.from(now))
                .query(String.class).optional();
        if (person.isEmpty()) {
            jdbc.sql("insert into binding_failure (school_id, platform, platform_user_id, failed_at) values (?, ?, ?, ?)")
                    .params(schoolId, platform, account, Timestamp.from(now)).update();
            return new Redemption(Outcome.INVALID, null);
        }
        int bound = jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id, bound_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(platform, account, schoolId, person.get(), Timestamp.from(now)).update();
        return new Redemption(bound == 1 ? Outcome.BOUND : Outcome.ALREADY_BOUND, person.get());
    }

    /** The unused and used codes of the given people (a student's parents). */
    void forgetPeople(String schoolId, List<String> personIds) {
        for (String personId : personIds) {
            jdbc.sql("delete from binding_code where school_id = ? and person_id = ?").params(schoolId, personId).update();
        }
    }

    private static String hash(String schoolId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((schoolId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
