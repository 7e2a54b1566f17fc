package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A guardian's pasted message that introduces its writer (我是X的姑姑) names the student, even a student whose name is
 * also a word (docs/notes.md); on the reader test's roster, written on Wednesday 15 April 2026.
 */
class GuardiansIntroducingThemselvesTest {

    @Test
    void aGuardianIntroducingThemselvesNamesTheStudentWhoseNameIsAWord() {
        Note n = read("「王老师您好，我是高兴的姑姑，他爸妈都在外地打工，这学期孩子住我家。」已回复");
        assertThat(n.studentIds()).containsExactly("A3");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void beingGladIsNoStudent() {
        assertThat(read("今天运动会我是高兴的，孩子们都拿了名次。").studentIds()).doesNotContain("A3");
    }
}
