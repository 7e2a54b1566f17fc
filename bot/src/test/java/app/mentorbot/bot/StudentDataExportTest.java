package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.bot.cli.ImportCommand;
import app.mentorbot.bot.cli.StudentDataCommand;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar mentorbot.jar student-data export S06 > S06.json} on the embedded database, as a school's admin
 * runs it: the file is the JSON document and nothing else. What the command logs on the way (the embedded
 * PostgreSQL starting, say) goes to standard error.
 */
class StudentDataExportTest {
    @TempDir
    Path dataDir;

    @Test
    void anAdminExportsAStudentIntoAFileThatHoldsOnlyTheJson() throws Exception {
        String data = "--mentorbot.data-dir=" + dataDir;
        RosterImportCommandTest.Run imported = RosterImportCommandTest.capture(
                () -> ImportCommand.run(new String[] {"../config/example-school.json", data}));
        assertThat(imported.exit()).as(imported.err()).isZero();

        RosterImportCommandTest.Run export = RosterImportCommandTest.capture(() -> StudentDataCommand.run(new String[] {"export", "S06", data}));

        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode file = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readTree(export.out());
        assertThat(file.isObject()).as(export.out()).isTrue();
        assertThat(export.out()).contains("\"name\" : \"黄佳怡\"");
        assertThat(file.has("stageAssessments")).as("stage assessments are part of a student's data").isTrue();
        assertThat(export.err()).as("the log went somewhere: standard error").contains("embedded PostgreSQL");
    }
}
