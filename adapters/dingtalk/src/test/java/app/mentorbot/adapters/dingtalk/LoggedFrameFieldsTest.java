package app.mentorbot.adapters.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a frame's fields may reach the log: protocol words only, never a teacher's words put where they should be. */
class LoggedFrameFieldsTest {

    @Test
    void protocolWordsAndIdsAreLoggedAsTheyAre() {
        assertThat(StreamFrames.loggable("CALLBACK")).isEqualTo("CALLBACK");
        assertThat(StreamFrames.loggable("/v1.0/im/bot/messages/get")).isEqualTo("/v1.0/im/bot/messages/get");
        assertThat(StreamFrames.loggable("msgLICYeHgY4JtMQw==")).isEqualTo("msgLICYeHgY4JtMQw==");
        assertThat(StreamFrames.loggable(null)).isEqualTo("null");
    }

    @Test
    void aNoteInAFrameFieldIsLoggedOnlyByItsLength() {
        String note = "今天下午和张小明单独谈心，他最近数学成绩下滑";
        assertThat(StreamFrames.loggable(note)).isEqualTo("(" + note.length() + " chars, not shown)").doesNotContain("张小明");
        // a line break could forge a log line; markup could reach a log viewer
        assertThat(StreamFrames.loggable("CALLBACK\nINFO forged")).doesNotContain("forged");
        assertThat(StreamFrames.loggable("<img src=x onerror=alert(1)>")).doesNotContain("<img");
    }
}
