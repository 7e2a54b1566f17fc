package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The models' suspicion weighs the whole note with its riskiest sentence (ModelSuspicion): the same faint sentence is a
 * suspicion in a note where the teacher has already told the class head, and none where nothing else points to a risk
 * or the note explains it. The sentence model alone suspected all three. The whole note also weighs on what the
 * situation lists saw: their words in a note the note model reads as nothing at all are no suspicion.
 */
class TheWholeNoteWeighsInTest {
    private static final String WITHDRAWN = "吴天明这两天上课老走神，下课一个人待在座位上。";

    @Test
    void aWithdrawnStudentAloneIsNoSuspicionOfARisk() {
        assertThat(read(WITHDRAWN).flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void theSameWordsAreASuspicionOnceTheTeacherHasToldTheClassHeadAndThePsychologyTeacher() {
        assertThat(read(WITHDRAWN + "已经跟班主任和心理老师说了，约了他爸明天来学校。").flags()).contains(Flag.SAFETY);
    }

    @Test
    void theSameWordsExplainedByALateNightAreNoSuspicion() {
        assertThat(read(WITHDRAWN + "问了他，说是晚上追剧睡晚了，让他早点睡。").flags()).doesNotContain(Flag.SAFETY);
    }

    private static final String ON_THE_ROOF = "晚饭后有人喊吴天明爬到实验楼天台上去了，我心一紧跑上去，";

    @Test
    void aRoofTheListsSeeInANoteThatFindsATeacherBesideHimIsNoSuspicion() {
        assertThat(read(ON_THE_ROOF + "原来是他跟物理老师在架望远镜看月亮，老师就在旁边。").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void theSameRoofWithTheStudentAloneAndSilentStaysASuspicion() {
        assertThat(read(ON_THE_ROOF + "他一个人坐在栏杆边上，问他什么都不说。").flags()).contains(Flag.SAFETY);
    }
}
