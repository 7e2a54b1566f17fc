package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Whose words a risk is in (docs/notes.md), on the reader test's roster; written on Wednesday 15 April 2026.
 */
class TheOneSpokenToAndRehearsalsTest {
    @Test
    void wordsThatOpenBySpeakingToTheTeacherAreTheStudentsOwn() {
        assertThat(read("吴天明来交作业，突然说'老师，我想死'，说完就哭了。").flags()).contains(Flag.SAFETY);
        assertThat(read("吴天明来交作业，突然说：老师，我想死。").flags()).contains(Flag.SAFETY);
        // a teacher who is the clause's subject still speaks of themselves
        assertThat(read("吴天明来交作业，语文老师说自己最近累得想死。").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aChoirRehearsalIsNoPartInAPlay() {
        assertThat(read("那个 吴天明今天合唱队排练一直低着头 就是下课同桌跑来讲 他这几天把本子都分给别人了 讲以后用不着了").flags())
                .contains(Flag.SAFETY);
        // a part in a play still holds no one's wish
        assertThat(read("吴天明在情景剧里演一个想跳楼的男生，演得很投入。").flags()).doesNotContain(Flag.SAFETY);
    }
}
