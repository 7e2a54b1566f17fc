package app.mentorbot.bot.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.Adapter;

/**
 * The adapters this bot runs, by platform name. A school may have its own app on a platform (its own DingTalk
 * organisation, say): that adapter's name is {@code <platform>@<school>}, e.g. {@code dingtalk@east}, one outbox,
 * rate limit and account space of its own. Its people are still bound on the platform ({@code dingtalk}, as the
 * roster import writes them), in their school; the deployment's own adapter of that platform no longer answers for
 * that school's accounts.
 */
@Component
public class Adapters {
    /** The platform of a message no adapter can reach; the dispatcher parks such rows with the reason. */
    public static final String NONE = "none";
    private static final char SCHOOL = '@';
    private final Map<String, Adapter> byPlatform = new LinkedHashMap<>();

    public Adapters(List<Adapter> adapters) {
        this(adapters.stream());
    }

    @Autowired
    Adapters(List<Adapter> adapters, ObjectProvider<AdapterGroup> groups) {
        this(Stream.concat(adapters.stream(), groups.orderedStream().flatMap(g -> g.adapters().stream())));
    }

    private Adapters(Stream<Adapter> adapters) {
        adapters.forEach(a -> {
            if (byPlatform.putIfAbsent(a.platform(), a) != null) {
                throw new IllegalStateException("two adapters for platform " + a.platform());
            }
        });
    }

    public Optional<Adapter> find(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** The adapter that reaches roster people by their ids, when no platform binding says otherwise. */
    public Optional<Adapter> rosterHome() {
        return byPlatform.values().stream().filter(Adapter::signsInRosterPeople).findFirst();
    }

    public List<Adapter> all() {
        return List.copyOf(byPlatform.values());
    }

    /** The name of a school's own app on a platform: {@code dingtalk@east}. */
    public static String ofSchool(String platform, String schoolId) {
        return platform + SCHOOL + schoolId;
    }

    /** The platform whose accounts an adapter's senders are, as bound: {@code dingtalk} for {@code dingtalk@east}. */
    public static String accounts(String platform) {
        int at = platform.indexOf(SCHOOL);
        return at < 0 ? platform : platform.substring(0, at);
    }

    /** The school whose own app this is; empty for a deployment's adapter. */
    public static Optional<String> schoolOf(String platform) {
        int at = platform.indexOf(SCHOOL);
        return at < 0 ? Optional.empty() : Optional.of(platform.substring(at + 1));
    }

    /** True when the school has its own app on this platform here. */
    public boolean ownApp(String platform, String schoolId) {
        return byPlatform.containsKey(ofSchool(platform, schoolId));
    }

    /** Where a person of the school bound on this platform is reached: the school's own app if it has one. */
    public String reach(String platform, String schoolId) {
        return ownApp(platform, schoolId) ? ofSchool(platform, schoolId) : platform;
    }
}
