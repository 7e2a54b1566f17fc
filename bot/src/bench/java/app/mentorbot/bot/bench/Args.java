package app.mentorbot.bot.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} and bare {@code --flag} arguments of the benchmark mains. */
final class Args {
    private Args() {}

    static Map<String, String> parse(String[] args) {
        // the harness's own logs (embedded PostgreSQL, Spring in-process) would drown the tables
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + args[i]);
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) o.put(key, args[++i]);
            else o.put(key, "true");
        }
        return o;
    }
}
