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

    private static KindClassifier.Decision reconsider(String masked, KindClassifier.Decision rules) {
        return KindSecondOpinion.reconsider(new ModelSentences(masked), rules);
    }

    /** How sure the kind model is that a masked note is of the kind. */
    private static double modelSure(String masked, Kind kind) {
        return SituationModel.kinds().likelihoods(SituationModel.features(masked))[kind.ordinal()];
    }

    @Test
    void aGuardiansCallTheRulesTookForAnObservationIsAParentContactWhenTheModelIsSure() {
        KindClassifier.Decision d = reconsider("□□□伯娘打电话来,讲□□周末在家帮着收玉米,作业没写完。", rules(Kind.OBSERVATION));
        assertThat(d.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(d.start()).isEqualTo(3);   // the place the rules found stays: the day is read around it
    }

    @Test
    void anotherTeachersAccountTheRulesTookForATalkIsAnObservation() {
        assertThat(reconsider("听英语□老师说,今天课上批评了□□□,上课睡觉。", rules(Kind.TALK)).kind())
                .isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void aTalkTheRulesCouldNotPlaceIsFiledAsOne() {
        assertThat(reconsider("期末复习,把□□□、□□□两个留下来讲了两道应用题,□□开窍了。", rules(Kind.OTHER)).kind())
                .isEqualTo(Kind.TALK);
    }

    @Test
    void aPlannedTalkStaysAPlanWhateverTheModelReads() {
        // the model reads the talk words (TALK above SURE); whether it happened is the rules' to say
        String plan = "找时间跟□□谈一谈，聊聊他最近的情绪，问问他住校习不习惯。";
        assertThat(modelSure(plan, Kind.TALK)).isGreaterThanOrEqualTo(KindSecondOpinion.SURE);
        assertThat(reconsider(plan, rules(Kind.REMINDER)).kind()).isEqualTo(Kind.REMINDER);
    }

    @Test
    void aQuestionToTheBotStaysAQuestion() {
        String talk = "下午找□□□谈了谈,他说最近睡不好。";
        assertThat(modelSure(talk, Kind.TALK)).isGreaterThanOrEqualTo(KindSecondOpinion.SURE);
        assertThat(reconsider(talk, rules(Kind.QUERY)).kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void theRulesStandWhereTheModelIsNotSure() {
        // praise before the class in words no talk rule holds: the model leans to a talk (about 0.6) but is not sure
        // (praise sought out alone, 中午专门找她夸了几句, it is sure of since the twenty-third pass's schools)
        String praised = "□□□这次单元测验考了九十五,比上次进步了一大截。课上当着全班夸了她,她笑得合不拢嘴。";
        assertThat(modelSure(praised, Kind.TALK)).isLessThan(KindSecondOpinion.SURE);
        assertThat(reconsider(praised,
                rules(Kind.OBSERVATION)).kind()).isEqualTo(Kind.OBSERVATION);
    }
}
