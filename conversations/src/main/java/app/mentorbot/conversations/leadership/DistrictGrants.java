package app.mentorbot.conversations.leadership;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a school lets the district's admins see below its overview. Only the school's own admin grants or
 * revokes; every grant and revocation stays in {@code district_grant} with who did it and when.
 */
public final class DistrictGrants {
    private final JdbcClient jdbc;

    public DistrictGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants it; false when it was granted already. */
    public boolean grant(String schoolId, String adminId, Instant at) {
        return jdbc.sql("insert into district_grant (school_id, granted_by, granted_at) values (?, ?, ?) "
                        + "on conflict (school_id) where revoked_at is null do nothing")
                .params(schoolId, adminId, Timestamp.from(at)).update() == 1;
    }

    /** Revokes it; false when there was none. */
    public boolean revoke(String schoolId, String adminId, Instant at) {
        return jdbc.sql("update district_grant set revoked_by = ?, revoked_at = ? where school_id = ? and revoked_at is null")
                .params(adminId, Timestamp.from(at), schoolId).update() == 1;
    }

    public boolean granted(String schoolId) {
        return jdbc.sql("select exists (select 1 from district_grant where school_id = ? and revoked_at is null)")
                .param(schoolId).query(Boolean.class).single();
    }
}
