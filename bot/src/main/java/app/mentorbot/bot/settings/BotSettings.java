package app.mentorbot.bot.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mentorbot.*} settings (see config/application.yml for the operator's view).
 *
 * @param dataDir          where the embedded database and the instance lock live
 * @param demo             demo mode; null means "on with the embedded database, off with an external one"
 * @param schoolId         the school this deployment serves
 * @param publicUrl        how people reach the web chat, for invitation links; null means http://localhost:PORT
 * @param invitationTtl    how long an invitation link works before it is first opened
 * @param deviceTtl        how long a browser stays signed in after opening its invitation
 * @param exampleSchool    the roster loaded in demo mode when none is imported
 * @param lexiconDir       words a school adds to the note reader's lists (config/lexicon)
 */
@ConfigurationProperties("mentorbot")
public record BotSettings(Path dataDir, Boolean demo, String schoolId, String publicUrl, Duration invitationTtl,
                          Duration deviceTtl, String exampleSchool, Path lexiconDir) {
    public BotSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        schoolId = schoolId == null || schoolId.isBlank() ? "main" : schoolId;
        invitationTtl = invitationTtl == null ? Duration.ofDays(30) : invitationTtl;
        deviceTtl = deviceTtl == null ? Duration.ofDays(365) : deviceTtl;
        exampleSchool = exampleSchool == null ? "config/example-school.json" : exampleSchool;
        lexiconDir = lexiconDir == null ? Path.of("config", "lexicon") : lexiconDir;
    }
}
