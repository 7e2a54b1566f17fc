package app.mentorbot.bot.platforms;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * The {@code mentorbot.adapters.<platform>.schools.<school>.*} blocks: a school's own app on a platform, with the keys
 * of the deployment's block. Its secrets come from the environment like the deployment's, the school's id upper-cased
 * after {@code SCHOOLS_}: {@code MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_EAST_CLIENT_SECRET}.
 */
final class SchoolBlocks {
    /** School ids as a platform block may name them: they become part of a platform name and of variable names. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]*");

    private SchoolBlocks() {}

    /** True when the platform is on for the deployment or any school has a block for it. */
    static boolean configured(Environment environment, String platform) {
        String prefix = "mentorbot.adapters." + platform;
        if (environment.getProperty(prefix + ".enabled", Boolean.class, false)) return true;
        ConfigurationPropertyName schools = ConfigurationPropertyName.of(prefix + ".schools");
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(schools) == ConfigurationPropertyState.PRESENT) return true;
        }
        return false;
    }

    /** The blocks, checked: every school id one this bot can name a platform by. */
    static <B> Map<String, B> checked(String platform, Map<String, B> schools) {
        if (schools == null) return Map.of();
        for (String id : schools.keySet()) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("mentorbot.adapters." + platform + ".schools." + id
                        + ": a school id here is lower-case letters, digits and _ (as imported with import --school=ID)");
            }
        }
        return Map.copyOf(schools);
    }

    /** The blocks that are on (unless {@code enabled: false}), by school id, in id order. */
    static <B> Map<String, B> on(Map<String, B> schools, Function<B, Boolean> enabled) {
        Map<String, B> on = new TreeMap<>();
        schools.forEach((id, block) -> {
            if (!Boolean.FALSE.equals(enabled.apply(block))) on.put(id, block);
        });
        return on;
    }

    /** A setting's name in a school's block: {@code mentorbot.adapters.dingtalk.schools.east.client-id}. */
    static String setting(String platform, String schoolId, String key) {
        return "mentorbot.adapters." + platform + ".schools." + schoolId + "." + key;
    }

    /** A secret's environment variable in a school's block: {@code MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_EAST_CLIENT_SECRET}. */
    static String variable(String platform, String schoolId, String key) {
        return setting(platform, schoolId, key).replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** A school's required setting, or the start stops naming it. */
    static String requireSetting(String value, String platform, String schoolId, String key) {
        return require(value, platform, schoolId, setting(platform, schoolId, key));
    }

    /** A school's required secret, or the start stops naming its environment variable. */
    static String requireSecret(String value, String platform, String schoolId, String key) {
        return require(value, platform, schoolId, variable(platform, schoolId, key));
    }

    /** Stops the start when a school's required setting is missing, naming where to set it. */
    static String require(String value, String platform, String schoolId, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the " + platform + " app of school " + schoolId + " is configured but " + name + " is not set");
        }
        return value.strip();
    }

    /** The school's value, else the deployment's (tuning, never credentials). */
    static <T> T or(T school, T deployment) {
        return school != null ? school : deployment;
    }
}
