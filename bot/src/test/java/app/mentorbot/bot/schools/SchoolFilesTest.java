package app.mentorbot.bot.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.bot.settings.SchoolOverrides;
import app.mentorbot.bot.settings.SchoolSettings;

/**
 * A school's own files, config/schools/&lt;id&gt;/calendar.yml and duties.yml in the working directory, reach the
 * settings through the bot's own application.yml (its {@code spring.config.import}), as they do for a started bot.
 * The test writes a school of a random id there and removes it again.
 */
class SchoolFilesTest {
    @Configuration(proxyBeanMethods = false)
    static class NothingElse {}

    @Test
    void aSchoolsOwnCalendarAndDutiesFilesAreReadBesideTheDeploymentsAndOnlyTheirOwnPartsChange() throws IOException {
        String id = "files" + ThreadLocalRandom.current().nextInt(1_000_000);
        Path folder = Path.of("config", "schools", id);
        List<Path> made = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) made.add(p);
        Files.createDirectories(folder);
        try {
            Files.writeString(folder.resolve("calendar.yml"), """
                    mentorbot:
                      schools:
                        %s:
                          holidays:
                            - { name: 校庆, from: 2026-03-18 }
                    """.formatted(id), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("duties.yml"), """
                    mentorbot:
                      schools:
                        %s:
                          duties:
                            individual-talk-days: 7
                    """.formatted(id), StandardCharsets.UTF_8);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).run()) {
                Binder binder = Binder.get(context.getEnvironment());
                SchoolSettings deployment = binder.bindOrCreate("mentorbot.school", SchoolSettings.class);
                SchoolSettings school = deployment.with(binder.bindOrCreate("mentorbot", SchoolOverrides.class).schools().get(id));
                assertThat(school.holidays()).extracting(SchoolSettings.RangeSetting::name).containsExactly("校庆");
                assertThat(school.rules().individualTalkDays()).isEqualTo(7);
                assertThat(deployment.terms()).as("config/calendar.yml's terms, built in").isNotEmpty();
                assertThat(school.terms()).isEqualTo(deployment.terms());
                assertThat(school.examWeeks()).isEqualTo(deployment.examWeeks());
                assertThat(deployment.holidays()).extracting(SchoolSettings.RangeSetting::name).contains("清明节");
            }
        } finally {
            Files.deleteIfExists(folder.resolve("calendar.yml"));
            Files.deleteIfExists(folder.resolve("duties.yml"));
            for (Path p : made) Files.deleteIfExists(p);
        }
    }
}
