package app.mentorbot.bot.schools;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mentorbot.district.id}: where one deployment serves a district's schools, the id of the district
 * office's own roster (imported like a school's, with {@code import --school=ID}); its admins are the district's
 * admins. Unset: no district, and no one sees more than one school.
 */
@ConfigurationProperties("mentorbot.district")
public record DistrictSettings(String id) {
    public DistrictSettings {
        id = id == null || id.isBlank() ? null : id.strip();
    }
}
