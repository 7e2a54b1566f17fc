package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The word-name model (docs/notes.md, "Names"): a student's name that is also a word (高兴 on the reader test's roster),
 * left unread by the name rules, is the student where the model, trained on the training schools' notes, is sure a
 * person stands; the word stays a word elsewhere. Notes written on Wednesday 15 April 2026.
 */
class WordNameModelTest {
    /** The model's belief that the 高兴 of a note (as the reader holds it, punctuation in ASCII) is a person. */
    private static boolean person(String s) {
        int at = s.indexOf("高兴");
        return WordNameModel.person(s, at, at + 2);
    }

    @Test
    void aWordNameActingWhereNoRuleLooksIsTheStudent() {
        String note = "那个 今天体育课跑完步 高兴撸起袖子擦汗 我瞅见胳膊上又多了两道新的";
        int at = note.indexOf("高兴");
        assertThat(NameContext.isNameContext(note, at, at + 2, java.util.List.of())).as("the rules alone").isFalse();
        assertThat(person(note)).isTrue();
        assertThat(read(note).studentIds()).containsExactly("A3");
    }

    @Test
    void theWordStaysAWordWhereItSaysHowSomeoneFeels() {
        assertThat(person("期末考完了,孩子们都挺高兴的")).isFalse();
        assertThat(person("这次考得好,他自己也挺高兴")).isFalse();
        assertThat(read("期末考完了，孩子们都挺高兴的，吴天明进步最大。").studentIds()).containsExactly("A4");
    }
}
