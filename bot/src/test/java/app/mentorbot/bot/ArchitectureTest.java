package app.mentorbot.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules, checked on the compiled code of every module: arrows between packages go one way, the
 * domain knows no platform and no web, the bot's core reaches platforms only through {@code adapters/api},
 * adapters know only that api, and no main source file grows past 400 lines.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.mentorbot");
    static final String[] PLATFORMS = {"app.mentorbot.adapters.webchat..", "app.mentorbot.adapters.dingtalk..",
            "app.mentorbot.adapters.wecom..", "app.mentorbot.adapters.slack..", "app.mentorbot.adapters.xmpp.."};

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("app.mentorbot.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theDomainKnowsNoPlatformNoBotAndNoWeb() {
        noClasses().that().resideInAPackage("app.mentorbot.conversations..").should().dependOnClassesThat()
                .resideInAnyPackage("app.mentorbot.adapters..", "app.mentorbot.bot..", "org.springframework.web..", "jakarta.servlet..",
                        "jakarta.websocket..")
                .check(MAIN);
    }

    @Test
    void onlyThePlatformWiringAndTheWebChatsPagesNameAPlatform() {
        noClasses().that().resideInAPackage("app.mentorbot.bot..")
                .and().resideOutsideOfPackages("app.mentorbot.bot.platforms..", "app.mentorbot.bot.web..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS).check(MAIN);
    }

    @Test
    void adaptersKnowOnlyTheirApi() {
        noClasses().that().resideInAPackage("app.mentorbot.adapters..").should().dependOnClassesThat()
                .resideInAnyPackage("app.mentorbot.bot..", "app.mentorbot.conversations..").check(MAIN);
        for (String platform : PLATFORMS) {
            String[] others = Stream.of(PLATFORMS).filter(p -> !p.equals(platform)).toArray(String[]::new);
            noClasses().that().resideInAPackage(platform).should().dependOnClassesThat().resideInAnyPackage(others).check(MAIN);
        }
    }

    @Test
    void noMainSourceFileIsOver400Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .filter(f -> lines(f) > 400).map(f -> f.normalize() + " (" + lines(f) + ")").toList();
        }
        assertThat(tooLong).isEmpty();
    }

    private static long lines(Path f) {
        try (Stream<String> l = Files.lines(f)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
