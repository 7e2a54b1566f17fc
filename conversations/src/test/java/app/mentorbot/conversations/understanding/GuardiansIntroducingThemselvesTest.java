package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Guardians by the words families use: a pasted message that introduces its writer (我是X的姑姑) names the student, even
 * one whose name is also a word, and Mongolian, Uyghur and Korean mothers and the northern 他舅 are guardians
 * (docs/notes.md); on the reader test's roster, written on Wednesday 15 April 2026.
 */
class GuardiansIntroducingThemselvesTest {

    @Test
    void aGuardianIntroducingThemselvesNamesTheStudentWhoseNameIsAWord() {
        Note n = read("「王老师您好，我是高兴的姑姑，他爸妈都在外地打工，这学期孩子住我家。」已回复");
        assertThat(n.studentIds()).containsExactly("A3");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        // the northern 俺 and the child's name with 她 before the family word (before this, a talk: 问她啥都不说)
        Note northern = read("「王老师，俺是吴天明他娘，过年在家他天天抱着手机不吭声，问他啥都不说，开学您多给看着点」已回复");
        assertThat(northern.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(northern.channel()).isEqualTo(Channel.ONLINE);
        assertThat(n.channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void mongolianUyghurAndKoreanParentsAndTheNorthernUncleAreGuardians() {
        // a message 他舅 sent: the uncle the student lives with (before this, an observation)
        assertThat(read("早上吴天明他舅微信说人找着了，在网吧。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // a pasted message headed by the parent's own word (before this, no writer, so no channel)
        for (String parent : java.util.List.of("额吉", "阿爸", "阿帕", "阿妈妮")) {
            Note n = read("「吴天明" + parent + "：王老师，孩子这几天感冒了，今天请假。」已回复");
            assertThat(n.kind()).as(parent).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(n.channel()).as(parent).isEqualTo(Channel.ONLINE);
        }
        // 额 is the north-western 我 in other words, not in 额吉
        Note introduced = read("「王老师您好，我是吴天明的额吉。天明这周回来说住校吃不饱。」已回复");
        assertThat(introduced.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(introduced.channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void beingGladIsNoStudent() {
        assertThat(read("今天运动会我是高兴的，孩子们都拿了名次。").studentIds()).doesNotContain("A3");
    }
}
