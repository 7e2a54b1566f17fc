package app.mentorbot.bot.settings;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mentorbot.schools.<schoolId>.*}: the parts of the calendar, duties and schedule a school of this deployment
 * sets for itself, in the shape of {@code mentorbot.school} (from config/application.yml, the command line, or a
 * school's own config/schools/&lt;id&gt;/calendar.yml and duties.yml). A school not named here has the deployment's.
 */
@ConfigurationProperties("mentorbot")
public record SchoolOverrides(Map<String, SchoolSettings.Own> schools) {
    public SchoolOverrides {
        schools = schools == null ? Map.of() : Map.copyOf(schools);
    }
}
