package app.mentorbot.bot.demo;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.database.EmbeddedDatabaseConfig;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * Demo mode lets anyone be anyone, so it is only ever on while the roster is the example school. It is
 * on with the embedded database and off with an external one unless set; an imported roster ends it for
 * good (a row in {@code bot_setting}, also seen by a bot already running, within seconds). Asking for
 * demo mode on a real roster stops the start with the reason ({@link DemoOnRealRoster}).
 */
@Component
public class Modes {
    static final String RETIRED = "demo_retired";
    private static final long RECHECK_NANOS = 2_000_000_000L;

    private final boolean embedded;
    private final boolean wanted;
    private final JdbcClient jdbc;
    private volatile boolean retired;
    private volatile long checkedAt = System.nanoTime();

    /** {@code --mentorbot.demo=true} on a data folder that holds a real school. */
    public static final class DemoOnRealRoster extends RuntimeException {
        DemoOnRealRoster() {
            super("这个数据目录里已是导入的真实花名册，不能再开启演示模式（--mentorbot.demo=true）："
                    + "演示模式下任何人都能以任何老师或家长的身份打开聊天。请去掉这个参数再启动；想试用演示，请用另一个数据目录（--mentorbot.data-dir）。");
        }
    }

    public Modes(BotSettings settings, Environment env, JdbcClient jdbc, RosterStore rosters) {
        this.embedded = EmbeddedDatabaseConfig.isEmbedded(env);
        this.jdbc = jdbc;
        this.retired = retiredInDatabase() || holdsARealSchool(settings, rosters);
        if (retired) retire();
        if (retired && Boolean.TRUE.equals(settings.demo())) throw new DemoOnRealRoster();
        this.wanted = settings.demo() != null ? settings.demo() : embedded;
    }

    public boolean demo() {
        return wanted && !retired();
    }

    public boolean embedded() {
        return embedded;
    }

    /** Ends demo mode for this deployment, for good; called in the import's transaction. */
    public void retire() {
        jdbc.sql("insert into bot_setting (key, value) values (?, 'true') on conflict (key) do nothing").param(RETIRED).update();
        retired = true;
    }

    private boolean retired() {
        if (retired || !wanted) return retired;
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) { // an import in another process, while we run
            checkedAt = now;
            try {
                retired = retiredInDatabase();
            } catch (DataAccessException away) {
                // the database is away: what we knew holds (an import cannot happen without it either)
            }
        }
        return retired;
    }

    private boolean retiredInDatabase() {
        return jdbc.sql("select count(*) from bot_setting where key = ?").param(RETIRED).query(Long.class).single() > 0;
    }

    /**
     * A roster that is not the example school: imported by a version that did not mark imports. Compared
     * by the people's ids and names, which an import of a real school always changes.
     */
    private static boolean holdsARealSchool(BotSettings settings, RosterStore rosters) {
        Roster stored = rosters.load(settings.schoolId());
        if (stored.isEmpty()) return false;
        Roster example = DemoSchool.example(settings);
        return !people(stored).equals(people(example));
    }

    private static Set<String> people(Roster r) {
        return Stream.concat(r.teachers().stream().map(t -> "T" + t.id() + "|" + t.name()),
                r.students().stream().map(s -> "S" + s.id() + "|" + s.name())).collect(Collectors.toSet());
    }
}
