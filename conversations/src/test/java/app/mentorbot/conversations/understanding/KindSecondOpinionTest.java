package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The kind model overrules the kind rules only to name a report it is sure of; plans and questions stay the rules'.
 * Notes are written masked, as the reader hands them over (□ for each char of a student's name).
 */
class KindSecondOpinionTest {
    private static KindClassifier.Decision rules(Kind kind) {
        return new KindClassifier.Decision(kind, 3, 6);
    }

    @Test
    void aGuardiansCallTheRulesTookForAnObservationIsAParentContactWhenTheModelIsSure() {
        KindClassifier.Decision d = KindSecondOpinion.reconsider("□□□伯娘打电话来,讲□□周末在家帮着收玉米,作业没写完。", rules(Kind.OBSERVATION));
        assertThat(d.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(d.start()).isEqualTo(3);   // the place the rules found stays: the day is read around it
    }

    @Test
    void anotherTeachersAccountTheRulesTookForATalkIsAnObservation() {
        assertThat(KindSecondOpinion.reconsider("听英语□老师说,今天课上批评了□□□,上课睡觉。", rules(Kind.TALK)).kind())
                .isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void aTalkTheRulesCouldNotPlaceIsFiledAsOne() {
        assertThat(KindSecondOpinion.reconsider("期末复习,把□□□、□□□两个留下来讲了两道应用题,□□开窍了。", rules(Kind.OTHER)).kind())
                .isEqualTo(Kind.TALK);
    }

    @Test
    void aPlannedTalkStaysAPlanWhateverTheModelReads() {
        // the model reads the talk words (TALK above 0.8); whether it happened is the rules' to say
        assertThat(KindSecondOpinion.reconsider("找时间和□□聊聊他住校的事。", rules(Kind.REMINDER)).kind()).isEqualTo(Kind.REMINDER);
    }

    @Test
    void aQuestionToTheBotStaysAQuestion() {
        assertThat(KindSecondOpinion.reconsider("下午找□□□谈了谈,他说最近睡不好。", rules(Kind.QUERY)).kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void theRulesStandWhereTheModelIsNotSure() {
        // praise in words no talk rule holds: the model leans to a talk (about 0.7) but is not sure
        assertThat(KindSecondOpinion.reconsider("□□□这次单元测验考了九十五,比上次进步了一大截。中午专门找她夸了几句,她笑得合不拢嘴。",
                rules(Kind.OBSERVATION)).kind()).isEqualTo(Kind.OBSERVATION);
    }
}
