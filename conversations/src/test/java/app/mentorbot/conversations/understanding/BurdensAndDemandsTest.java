package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Risks told by their structure rather than a keyword (docs/notes.md), on the reader test's roster; written on
 * Wednesday 15 April 2026.
 */
class BurdensAndDemandsTest {
    @Test
    void aStudentWhoseFamilyWouldBeBetterOffWithoutThemIsASuspicion() {
        assertThat(read("跟吴天明妈妈视频了，她说孩子偶尔还会说‘要是没有我你们都轻松’，但比上个月少多了。").flags()).contains(Flag.SAFETY);
        assertThat(read("上午找吴天明谈了卷子的事，他说他爹出了工伤，他娘一个人打两份工，要是没有他，家里能轻快点。").flags())
                .contains(Flag.SAFETY);
        // a mother's words about herself are not the student's
        assertThat(read("吴天明妈妈打电话来，说要是没有我，这个家早散了。").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aDemandWithWhatFollowsRefusalIsASuspicionWhateverIsDemanded() {
        assertThat(read("吴天明说有个游戏里认识的“大哥”让他用奶奶手机给他充值，说不充就把他在游戏里骂人的截图发到班级群。").flags())
                .contains(Flag.SAFETY);
        // a child's own temper at home is no one threatened
        assertThat(read("吴天明奶奶打电话来，说孩子周末刷视频刷到凌晨，不给手机就把门一关，饭也不吃。").flags()).doesNotContain(Flag.SAFETY);
    }
}
