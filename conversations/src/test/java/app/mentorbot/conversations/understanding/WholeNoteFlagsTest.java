package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where no list and no sentence found FAMILY or PSYCH, the models of whole notes may (FlagDetector.wholeNote); what
 * they read must still be the student's state, not a parent's: LexiconAndDoubtsTest's mother who speaks of her own
 * anxiety and sleep (白若溪妈妈打电话来，说自己最近一直很焦虑，经常失眠) is read PSYCH by the mood note model, and that flag
 * is not the student's.
 */
class WholeNoteFlagsTest {
    @Test
    void aFatherWithAnotherFamilyWhoWillNotComeHomeIsTheStudentsFamilysSituation() {
        assertThat(read("吴天明跟我讲他阿爸在外面又有了一个家，过年也不回来了，讲完就低头不讲话了。").flags()).contains(Flag.FAMILY);
    }

    @Test
    void aParentsOrAGrandparentsTearsByTheStudentsPronounAreTheirsNotTheStudents() {
        assertThat(read("中考成绩出来了，吴天明考了全区前五十，他妈打电话来，在那头哭了，说孩子这一年太不容易。").flags()).doesNotContain(Flag.PSYCH);
        assertThat(read("吴天明这两个礼拜上课老是偷偷哭，问他也不说。").flags()).contains(Flag.PSYCH);
    }

    @Test
    void aGrandparentGoneByALocalWordABusinessGoneUnderOrAChildPromisedInMarriageIsTheFamilysSituation() {
        assertThat(read("下午找吴天明唠了，说班里没人再提视频那事了，就是他爷上礼拜没了，他心里难受。").flags()).contains(Flag.FAMILY);
        assertThat(read("中午陪许诗涵在操场坐了一会儿，她哭了，说走了的阿婆是最疼她的人。").flags()).contains(Flag.FAMILY);
        assertThat(read("沈老师说吴天明家里厂子倒了以后他就不怎么说话了。").flags()).contains(Flag.FAMILY);
        assertThat(read("听班上几个女生讲，家里在给许诗涵说亲，难怪她这个月请了三回假。").flags()).contains(Flag.FAMILY);
        // a pet gone is no family's loss
        assertThat(read("吴天明说他家的猫走了，今天自己回来了。").flags()).doesNotContain(Flag.FAMILY);
    }
}
