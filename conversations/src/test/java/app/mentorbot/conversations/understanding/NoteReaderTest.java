package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * Labelled cases, one group per convention of docs/notes.md, against a small roster of our own (no
 * name from the dev roster), so each passing case proves a mechanism rather than a sentence.
 */
class NoteReaderTest {
    /*
     * K1 高一(3)班 head M2; K2 高一(4)班 head M3. M1 teaches K1 and K2; M5 teaches no class.
     * Same name 宋佳琪 in K1 (M1's mentee) and K2; same name 韩磊 in K1 and K2, neither M1's mentee.
     */
    static final Roster ROSTER = new Roster("实验中学",
            List.of(new SchoolClass("K1", "高一(3)班", "M2"), new SchoolClass("K2", "高一(4)班", "M3")),
            List.of(new Teacher("M1", "郑老师", "数学", List.of("K1", "K2"), false),
                    new Teacher("M2", "冯老师", "语文", List.of("K1"), false),
                    new Teacher("M3", "蔡老师", "英语", List.of("K2"), false),
                    new Teacher("M5", "邱老师", "体育", List.of(), false)),
            List.of(new Student("A1", "欧阳晓雨", "K1", "M1"),
                    new Student("A2", "许诗涵", "K1", "M1"),
                    new Student("A3", "高兴", "K1", "M1"),
                    new Student("A4", "吴天明", "K1", "M1"),
                    new Student("A5", "诸葛云帆", "K1", "M1"),
                    new Student("A6", "宋佳琪", "K1", "M1"),
                    new Student("A7", "周一鸣", "K1", "M1"),
                    new Student("A8", "田甜", "K1", "M2"),
                    new Student("B1", "宋佳琪", "K2", "M3"),
                    new Student("B2", "韩磊", "K2", "M3"),
                    new Student("B3", "韩磊", "K1", "M2"),
                    new Student("B4", "李想", "K2", "M3"),
                    new Student("B6", "何欣", "K2", "M3")),
            List.of(new Parent("Q1", "A6", "母亲", null)));

    static final NoteReader READER = new NoteReader(ROSTER);

    /** 2026-04-15 is a Wednesday. */
    static final ZonedDateTime WED = at("2026-04-15T20:00:00+08:00");
    static final ZonedDateTime MON = at("2026-04-13T18:00:00+08:00");
    static final ZonedDateTime SUN = at("2026-04-19T21:00:00+08:00");
    static final ZonedDateTime FRI = at("2026-04-17T12:00:00+08:00");

    static ZonedDateTime at(String iso) { return ZonedDateTime.parse(iso); }
    static Note read(String text) { return READER.read("M1", text, WED); }
    static Note read(String sender, String text) { return READER.read(sender, text, WED); }
    static LocalDate d(String iso) { return LocalDate.parse(iso); }
    /** The kind rules alone, the kind model not asked, on a note as the reader holds it (names masked), written at {@code hour}:{@code minute}. */
    static Kind rulesKind(String masked, int hour, int minute) {
        return RULES.classify(masked, true, java.util.List.of(), java.time.LocalTime.of(hour, minute)).kind();
    }
    private static final KindClassifier RULES = new KindClassifier(Lexicon.builtIn(), new TopicLexicon(Lexicon.builtIn()), new FlagDetector(Lexicon.builtIn()));

    @Nested
    class NameForms {
        @Test void aCompoundSurnameAloneIsWhatTheStudentIsCalled() {
            assertThat(read("今天和欧阳聊了一下读书笔记没交的事").studentIds()).containsExactly("A1");
        }
        @Test void aFullNameWithACompoundSurnameIsFound() {
            assertThat(read("和诸葛云帆谈了谈").studentIds()).containsExactly("A5");
        }
        @Test void aTwoCharGivenNameIsFound() {
            assertThat(read("晓雨今天主动来找我聊天").studentIds()).containsExactly("A1");
        }
        @Test void xiaoPlusTheLastCharIsFound() {
            assertThat(read("和小帆聊了会儿").studentIds()).containsExactly("A5");
        }
        @Test void theDoubledLastCharIsFound() {
            assertThat(read("和帆帆聊了会儿").studentIds()).containsExactly("A5");
        }
        @Test void xiaoPlusTheSurnameIsFound() {
            assertThat(read("小宋最近上课很认真").studentIds()).containsExactly("A6");
        }
        @Test void surnamePlusTongxueIsFoundAlsoForACompoundSurname() {
            assertThat(read("欧阳同学今天表现很好，表扬了她").studentIds()).containsExactly("A1");
            assertThat(read("许同学今天表现很好").studentIds()).containsExactly("A2");
        }
        @Test void theLongestMatchWins() {
            Note n = read("吴天明今天数学小测不错");
            assertThat(n.studentIds()).containsExactly("A4");
            assertThat(n.clarify()).isNull();
        }
        @Test void aParentWordAfterANameMeansThatStudent() {
            Note n = read("宋佳琪妈妈打电话来说孩子感冒了");
            assertThat(n.studentIds()).containsExactly("A6");
            assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(n.channel()).isEqualTo(Channel.PHONE);
        }
        @Test void aNameThatContainsAWeekdayIsNotADate() {
            Note n = READER.read("M1", "和周一鸣聊了聊作业", WED);
            assertThat(n.studentIds()).containsExactly("A7");
            assertThat(n.date()).isEqualTo(d("2026-04-15"));
        }
    }

    @Nested
    class Tiers {
        @Test void theSendersOwnMenteeWinsOverTheSameNameElsewhere() {
            assertThat(read("M1", "和宋佳琪谈心了").studentIds()).containsExactly("A6");
        }
        @Test void aTeacherOfNeitherClassIsAskedWhichOneIsMeant() {
            Note n = read("M5", "和宋佳琪谈心了");
            assertThat(n.clarify()).containsExactlyInAnyOrder("A6", "B1");
            assertThat(n.unresolvedName()).isEqualTo("宋佳琪");
        }
        @Test void twoStudentsWithTheSameNameInTheClassesTaughtAreAskedAbout() {
            assertThat(read("M1", "和韩磊谈了谈").clarify()).containsExactlyInAnyOrder("B2", "B3");
        }
        @Test void theClassesTaughtComeBeforeTheWholeSchool() {
            assertThat(read("M2", "和韩磊谈了谈").studentIds()).containsExactly("B3");
            assertThat(read("M3", "和韩磊谈了谈").studentIds()).containsExactly("B2");
        }
        @Test void theWholeSchoolIsTheLastTier() {
            assertThat(read("M5", "李想今天来找我说想学计算机").studentIds()).containsExactly("B4");
        }
    }

    @Nested
    class NamesThatAreWords {
        @Test void everyDayOpeningAClauseBeforeAVerbIsNoNicknameButTellingTheTeacherIs() {
            // 天天 is 吴天明's doubled nickname and an adverb: 天天在里头骂他 is every day
            assertThat(read("有人拉了个群，天天在里头骂他。").studentIds()).isEmpty();
            assertThat(read("有人拉了个群，天天跟我说里头有人骂他。").studentIds()).containsExactly("A4");
            // nor does a pronoun after it take it up as a person (天天他都…: every day he…)
            assertThat(read("有人拉了个群，天天他都被人骂。").studentIds()).isEmpty();
        }
        @Test void gladAfterAnAdverbIsNotAName() {
            Note n = read("他今天不太高兴，上课也没精神");
            assertThat(n.studentIds()).isEmpty();
        }
        @Test void gladAfterWithIsAName() {
            assertThat(read("和高兴谈了谈").studentIds()).containsExactly("A3");
        }
        @Test void aWordNameWhereAPersonIsMetTellsOrOwnsThingsIsAName() {
            assertThat(read("今天谈话的时候高兴提到她晚上睡不着").studentIds()).containsExactly("A3");
            assertThat(read("下午在心理室见了高兴，她说最近能睡着了").studentIds()).containsExactly("A3");
            assertThat(read("高兴人没事，昨晚宿管陪着睡的").studentIds()).containsExactly("A3");
            assertThat(read("高兴这两周午饭都是一个人端到楼梯间吃").studentIds()).containsExactly("A3");
            assertThat(read("收作业的时候在高兴本子里面夹了一封信").studentIds()).containsExactly("A3");
            assertThat(read("主题班会，高兴分享了读后感").studentIds()).containsExactly("A3");
            // still a word after a degree adverb, whatever follows
            assertThat(read("大家都很高兴她来了").studentIds()).isEmpty();
        }
        @Test void gladBeforeSaidIsAName() {
            assertThat(read("高兴说他这周末要去比赛，鼓励了他").studentIds()).containsExactly("A3");
        }
        @Test void aWordNameAfterALeadingTimeWordOpensTheClause() {
            assertThat(read("今天高兴上课很认真").studentIds()).containsExactly("A3");
            assertThat(read("今天大家都很高兴").studentIds()).isEmpty();
        }
        @Test void aWordNameThatOpensTheNoteBeforeAThingOfTheirsIsTheStudent() {
            assertThat(read("高兴作文写得越来越好了，课后表扬了他").studentIds()).containsExactly("A3");
            assertThat(read("今天大家高兴作文都写完了").studentIds()).isEmpty();
        }
        @Test void aWordNameActingInAGroupChatOrOwningTheWorkThatOpensTheNoteIsTheStudent() {
            assertThat(read("班级群里高兴发了一句大家再见，然后就退群了").studentIds()).containsExactly("A3");
            assertThat(read("高兴的数学作业跟许诗涵的一模一样").studentIds()).contains("A3", "A2");
            assertThat(read("看了高兴的周记，写得很认真").studentIds()).containsExactly("A3");
        }
        @Test void aWordNameAfterADictatedFillerAndBeforeADayOrATellingOpensTheClause() {
            assertThat(read("那个就是高兴今天跟我说他不想考体育了").studentIds()).containsExactly("A3");
            assertThat(read("他就是高兴，考得不错").studentIds()).isEmpty();
        }
        @Test void aWordNameBeforeAnAuntOrUncleIsTheStudent() {
            assertThat(read("高兴姑姑打电话来问家长会几点开").studentIds()).containsExactly("A3");
        }
        @Test void aDirectionalVerbAfterAnAdjectiveKeepsItAnAdjectiveButAfterAnAdjectiveNameAtTheStartItIsStillAnAdjective() {
            assertThat(read("高兴起来了就好").studentIds()).isEmpty();
            assertThat(read("高兴上化学课时一直在走神").studentIds()).containsExactly("A3");
        }
        @Test void obviouslyIsNotTheNicknameMingming() {
            assertThat(read("和小宋聊了，他明明知道要交作业却没交").studentIds()).containsExactly("A6");
        }
        @Test void mingmingBeforeSaidIsTheNickname() {
            assertThat(read("明明说想选物理，鼓励了他").studentIds()).containsExactly("A4");
        }
        @Test void aWordNameInAListOfNamesIsAName() {
            assertThat(read("和宋佳琪、高兴一起聊了学习计划").studentIds()).containsExactlyInAnyOrder("A6", "A3");
        }
        @Test void everyoneAloneMeansNoOne() {
            assertThat(read("今天跟大家聊了聊期中考试").studentIds()).isEmpty();
        }
    }

    @Nested
    class TraditionalCharacters {
        @Test void aNoteInTraditionalCharactersMatchesAndReads() {
            Note n = read("今天和歐陽曉雨談心，她說最近壓力很大，下週三再跟進");
            assertThat(n.studentIds()).containsExactly("A1");
            assertThat(n.kind()).isEqualTo(Kind.TALK);
            assertThat(n.topics()).contains(Topic.PSYCH);
            assertThat(n.followUp()).isEqualTo(d("2026-04-22"));
        }
        @Test void evidencePointsIntoTheOriginalTraditionalText() {
            String text = "上週五去歐陽曉雨家家訪";
            Note n = read(text);
            Evidence who = n.evidence().stream().filter(e -> e.field().equals("students")).findFirst().orElseThrow();
            assertThat(text.substring(who.start(), who.end())).isEqualTo("歐陽曉雨");
            Evidence when = n.evidence().stream().filter(e -> e.field().equals("date")).findFirst().orElseThrow();
            assertThat(text.substring(when.start(), when.end())).isEqualTo("上週五");
            assertThat(n.channel()).isEqualTo(Channel.HOME_VISIT);
        }
    }

    @Nested
    class UnknownAndSameSoundingNames {
        @Test void aVoiceSlipOffersTheSameSoundingRosterName() {
            Note n = read("今天和许诗含谈心，聊了学习方法");
            assertThat(n.clarify()).containsExactly("A2");
            assertThat(n.unresolvedName()).isEqualTo("许诗含");
            assertThat(n.kind()).isEqualTo(Kind.TALK);
        }
        @Test void aPersonNotOnTheRosterIsAskedAboutWithNoCandidates() {
            Note n = read("今天和王小虎谈心");
            assertThat(n.clarify()).isEmpty();
            assertThat(n.unresolvedName()).isEqualTo("王小虎");
        }
        @Test void aPersonNotOnTheRosterWhoFailedToBringSomethingOrIsIntroducedByNameIsAskedAbout() {
            Note n = read("美术课上王小虎没带工具，批评了一下。");
            assertThat(n.clarify()).isEmpty();
            assertThat(n.unresolvedName()).isEqualTo("王小虎");
            assertThat(read("今天音乐课有个叫王小虎的学生一直捣乱，不知道是哪个班的。").unresolvedName()).isEqualTo("王小虎");
        }
        @Test void aSurnameTongxueWithNoSuchStudentIsAskedAbout() {
            assertThat(read("赵同学今天上课睡觉").clarify()).isEmpty();
        }
        @Test void wordsAroundAPersonAreNoUnknownPerson() {
            // a preposition before 同学, the other side of a dispute, what a question was about
            assertThat(read("核实过了，许诗涵在班上没有被欺负，和同学关系都还可以").clarify()).isNull();
            assertThat(read("许诗涵爸爸下午来了学校，同对方家长一起面谈，双方谈好了").clarify()).isNull();
            assertThat(read("许诗涵爸爸在微信上问成绩的事，我跟他说了期中情况").clarify()).isNull();
        }
        @Test void aLongSameSoundingNameIsOfferedEvenOutOfContext() {
            assertThat(read("今天欧阳筱雨上课睡觉了").clarify()).containsExactly("A1");
        }
        @Test void aTraditionalNoteWithAVoiceSlipIsOfferedTheRosterName() {
            assertThat(read("和許詩含談了談").clarify()).containsExactly("A2");
        }
        @Test void aTwoCharSlipAfterAFillerOrATimeOfDayOpeningTheNoteIsOfferedTheRosterName() {
            assertThat(read("M3", "那个何新今天数学作业又没交").clarify()).containsExactly("B6");
            assertThat(read("M3", "今天晚上何新上课又睡觉").clarify()).containsExactly("B6");
        }
        @Test void aFullNameNoStudentHasIsAskedAboutWhenItComesAsksOrIsMissing() {
            // what a person does after a day or a lesson opening the clause: came to ask, was missing at roll call
            assertThat(read("今天王梓轩来问我物理竞赛报名的事").clarify()).isEmpty();
            assertThat(read("体育课点名林丽又没来，这个月第三次了").clarify()).isEmpty();
            // money that came back is no one coming (钱 is a surname too)
            assertThat(read("许诗涵被拿走的钱追回来了").clarify()).isNull();
        }
        @Test void whatSomeoneWasAskedIsNoUnknownPerson() {
            assertThat(read("许诗涵说昨晚是班车爆胎了，我打给司机问了，确实是").clarify()).isNull();
        }
        @Test void aNameSoundingLikeAWordIsOfferedInNameContextOnly() {
            assertThat(read("M5", "和理想聊了聊").clarify()).containsExactly("B4");
            assertThat(read("M5", "聊了聊理想大学").clarify()).isNull();
        }
    }

    @Nested
    class Collectives {
        @Test void allMyMenteesMeansTheSendersMentees() {
            assertThat(read("下周一组织所有受导学生集体交流").studentIds())
                    .containsExactlyInAnyOrder("A1", "A2", "A3", "A4", "A5", "A6", "A7");
        }
        @Test void theSendersMenteesByTheLocalWordForChildrenOrLeftUnsaidAreThemAll() {
            for (String note : List.of("放假前给我带的七个伢开了个小会，讲寒假安全", "我带的几个里还有谁没家访过？", "期末前我这七个导生谁的数学还没及格？",
                    "期末前把我带的七个叫到一块开了个小会")) {
                assertThat(read(note).studentIds()).as(note).containsExactlyInAnyOrder("A1", "A2", "A3", "A4", "A5", "A6", "A7");
            }
            // 这七个孩子 points back at children named before, not at all of the sender's
            assertThat(read("这七个孩子的作业都没交").studentIds()).isEmpty();
            // the children left unsaid are all of them only as many as the sender mentors
            assertThat(read("期末前把我带的三个叫到一块开了个小会").studentIds()).isEmpty();
        }
        @Test void aMeetingHeldForAllMyMenteesIsAGroupTalkWithThemAll() {
            Note n = read("给七个导生开了个期中总结会，宋佳琪进步明显");
            assertThat(n.kind()).isEqualTo(Kind.TALK);
            assertThat(n.talkType()).isEqualTo(TalkType.GROUP);
            assertThat(n.studentIds()).containsExactlyInAnyOrder("A1", "A2", "A3", "A4", "A5", "A6", "A7");
            // two students and the start of a term are no meeting (和…开学那会儿)
            assertThat(read("宋佳琪和许诗涵开学那会儿闹过矛盾，现在好了").kind()).isNotEqualTo(Kind.TALK);
        }
        @Test void myStudentsMeansTheSendersMentees() {
            assertThat(read("M2", "我的学生这周都交了作业").studentIds()).containsExactlyInAnyOrder("A8", "B3");
        }
    }

    @Nested
    class Dates {
        @Test void aBareWeekdayInAPastReportMeansTheLatestSuchDay() {
            assertThat(READER.read("M1", "周一和宋佳琪谈过一次", WED).date()).isEqualTo(d("2026-04-13"));
            assertThat(READER.read("M1", "周一和宋佳琪谈了", MON).date()).isEqualTo(d("2026-04-13"));
            assertThat(READER.read("M1", "星期六在操场看到宋佳琪哭了", SUN).date()).isEqualTo(d("2026-04-18"));
        }
        @Test void aBareWeekdayInAPlanMeansTheNextSuchDay() {
            Note n = READER.read("M1", "周三再找宋佳琪聊一次", WED);
            assertThat(n.kind()).isEqualTo(Kind.REMINDER);
            assertThat(n.followUp()).isEqualTo(d("2026-04-22"));
            assertThat(n.date()).isNull();
            assertThat(READER.read("M1", "礼拜天家访宋佳琪", FRI).followUp()).isEqualTo(d("2026-04-19"));
        }
        @Test void aDayOpeningWhatTheTeacherWillDoEndsADictatedRunOnWithItsFollowUp() {
            assertThat(READER.read("M1", "那个宋佳琪最近作业老是没写完然后就是问了才晓得她爸妈晚上摆摊很晚才回来明天我跟她妈妈打个电话", WED)
                    .followUp()).isEqualTo(d("2026-04-16"));
            assertThat(READER.read("M1", "宋佳琪奶奶发微信语音说孩子肚子疼不想上学 我回复说明天我在学校多留意一下", WED)
                    .followUp()).isEqualTo(d("2026-04-16"));
            // the student's own 明天我… is the student's plan
            assertThat(READER.read("M1", "宋佳琪跟我说明天我就不来上学了", WED).followUp()).isNull();
        }
        @Test void prefixedWeekdaysCountWeeksFromMonday() {
            assertThat(READER.read("M1", "下周一开家长会", SUN).followUp()).isEqualTo(d("2026-04-20"));
            assertThat(READER.read("M1", "提醒我下下周日交材料", SUN).followUp()).isEqualTo(d("2026-05-03"));
            assertThat(READER.read("M1", "上周日和小宋聊了", SUN).date()).isEqualTo(d("2026-04-12"));
            assertThat(READER.read("M1", "这周一和小宋聊了", SUN).date()).isEqualTo(d("2026-04-13"));
        }
        @Test void relativeDaysCountFromToday() {
            assertThat(READER.read("M1", "昨晚宋佳琪给我发消息说睡不着", MON).date()).isEqualTo(d("2026-04-12"));
            assertThat(READER.read("M1", "前天和小宋聊了", MON).date()).isEqualTo(d("2026-04-11"));
            assertThat(READER.read("M1", "大前天和小宋聊了", MON).date()).isEqualTo(d("2026-04-10"));
            assertThat(READER.read("M1", "明天再找小宋", MON).followUp()).isEqualTo(d("2026-04-14"));
            assertThat(READER.read("M1", "后天家访小宋", MON).followUp()).isEqualTo(d("2026-04-15"));
        }
        @Test void absoluteDatesTakeTheYearOfNowAndPlansRollForward() {
            assertThat(READER.read("M1", "4月3号和小宋谈了", WED).date()).isEqualTo(d("2026-04-03"));
            assertThat(READER.read("M1", "4.2和小宋谈了", WED).date()).isEqualTo(d("2026-04-02"));
            assertThat(READER.read("M1", "2026-04-01和小宋谈了", WED).date()).isEqualTo(d("2026-04-01"));
            assertThat(READER.read("M1", "1月10日开家长会", at("2026-12-20T10:00:00+08:00")).followUp()).isEqualTo(d("2027-01-10"));
            assertThat(READER.read("M1", "二十号前交成长档案", at("2026-04-25T10:00:00+08:00")).followUp()).isEqualTo(d("2026-05-20"));
        }
        @Test void countedDaysAndWeeksUseChineseNumerals() {
            ZonedDateTime feb = at("2026-02-25T09:00:00+08:00");
            assertThat(READER.read("M1", "十天后再找小宋聊", feb).followUp()).isEqualTo(d("2026-03-07"));
            assertThat(READER.read("M1", "两周后再找小宋聊", feb).followUp()).isEqualTo(d("2026-03-11"));
            assertThat(READER.read("M1", "过两天再找小宋聊", feb).followUp()).isEqualTo(d("2026-02-27"));
        }
        @Test void aBareTimeOfDayTheTeacherActsAgainAtIsLaterToday() {
            ZonedDateTime morning = at("2026-04-15T07:40:00+08:00");
            assertThat(READER.read("M1", "宋佳琪早读又没来，问了同桌也不知道，中午再找她", morning).followUp()).isEqualTo(d("2026-04-15"));
            assertThat(READER.read("M1", "和许诗涵聊了月考的事，下午我再跟她理一理错题", morning).followUp()).isEqualTo(d("2026-04-15"));
            // yesterday afternoon is no plan, and what someone else will do again is theirs
            assertThat(READER.read("M1", "昨天下午再找了许诗涵一次", morning).followUp()).isNull();
            assertThat(READER.read("M1", "许诗涵妈妈来电说下午再来学校送衣服", morning).followUp()).isNull();
        }
        @Test void voiceInputsZaiForZaiAfterADayIsTheTeachersPlan() {
            ZonedDateTime morning = at("2026-04-15T07:40:00+08:00");
            // the student is the clause's subject, but what comes after the day is the teacher's 再 (typed 在)
            assertThat(READER.read("M1", "许诗涵考得不错表扬了她宋佳琪还没来得及谈明天在找她", morning).followUp()).isEqualTo(d("2026-04-16"));
            assertThat(READER.read("M1", "宋佳琪妈妈早上打过来说昨晚陪她睡的然后孩子情绪稳住了然后我上午在约一下心理老师", morning).followUp())
                    .isEqualTo(d("2026-04-15"));
            assertThat(READER.read("M1", "宋佳琪早读又没来下午在找她", morning).followUp()).isEqualTo(d("2026-04-15"));
            // 在 as "at" is no plan
            assertThat(READER.read("M1", "宋佳琪下午在操场跑步", morning).followUp()).isNull();
        }
        @Test void whatTheTeacherMeansToDoLaterTodayIsAFollowUpToday() {
            ZonedDateTime morning = at("2026-04-15T07:20:00+08:00");
            assertThat(READER.read("M1", "许诗涵这几天上课老走神，今天得找她聊聊", morning).followUp()).isEqualTo(d("2026-04-15"));
        }
        @Test void askingTheStudentHowThingsAreIsAPlanNotAQuestionToTheBot() {
            Note n = read("许诗涵这两天话很少。明天再找她，顺便问问她家里最近怎么样");
            assertThat(n.kind()).isNotEqualTo(Kind.QUERY);
            assertThat(n.followUp()).isEqualTo(d("2026-04-16"));
            assertThat(read("许诗涵最近怎么样").kind()).isEqualTo(Kind.QUERY);
        }
        @Test void monthEndNextMonthAndNextWeekAlone() {
            assertThat(READER.read("M1", "月底前和所有家长联系一遍", at("2026-02-10T09:00:00+08:00")).followUp()).isEqualTo(d("2026-02-28"));
            assertThat(READER.read("M1", "下个月5号之前交总结", at("2026-12-30T09:00:00+08:00")).followUp()).isEqualTo(d("2027-01-05"));
            assertThat(READER.read("M1", "下周找小宋聊聊", at("2026-04-16T09:00:00+08:00")).followUp()).isEqualTo(d("2026-04-20"));
        }
        @Test void aDeadlineIsTheDayItself() {
            assertThat(READER.read("M1", "提醒我周五前交总结", FRI).followUp()).isEqualTo(d("2026-04-24"));
            assertThat(READER.read("M1", "提醒我周五之前交总结", WED).followUp()).isEqualTo(d("2026-04-17"));
        }
        @Test void theEventDateAndTheFollowUpAreKeptApart() {
            Note n = READER.read("M1", "今天和小宋谈了，下周三再跟进", WED);
            assertThat(n.kind()).isEqualTo(Kind.TALK);
            assertThat(n.date()).isEqualTo(d("2026-04-15"));
            assertThat(n.followUp()).isEqualTo(d("2026-04-22"));
        }
        @Test void aStudentsOwnFuturePlanIsNotAFollowUp() {
            Note n = READER.read("M1", "小宋说这周末要去参加比赛，鼓励了她", WED);
            assertThat(n.followUp()).isNull();
            assertThat(n.date()).isEqualTo(d("2026-04-15"));
        }
        @Test void aDayInTheStudentsWordsIsNotTheDayOfTheTalk() {
            assertThat(READER.read("M1", "和小宋聊了聊，她说前天和室友吵架了", WED).date()).isEqualTo(d("2026-04-15"));
        }
    }

    @Nested
    class KindsAndScope {
        @Test void aStudentsStateToldOverASentenceBeforeAPlanIsAnObservationWithItsFollowUp() {
            Note n = read("吴天明最近两周上课老是趴着，也不跟同桌讲话，作业交得零零散散。下周找他家长聊聊。");
            assertThat(n.kind()).isEqualTo(Kind.OBSERVATION);
            assertThat(n.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
            // a time opening a clause starts another event: two steps and a request are a plan
            assertThat(read("今天中午找吴天明，下午跟他爸爸通个电话，提醒我").kind()).isEqualTo(Kind.REMINDER);
        }
        @Test void aParentMentionedInsideATalkIsNotAParentContact() {
            Note n = read("和宋佳琪谈心，她说妈妈最近总是批评她");
            assertThat(n.kind()).isEqualTo(Kind.TALK);
            assertThat(n.channel()).isNull();
        }
        @Test void parentWordsInAPhoneCallAreAParentContact() {
            Note n = read("给小宋妈妈打了电话，家长说她在家不写作业");
            assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(n.channel()).isEqualTo(Channel.PHONE);
            assertThat(n.topics()).contains(Topic.ACADEMIC);
        }
        @Test void anUnansweredCallIsStillAParentContact() {
            Note n = read("给宋佳琪家长打电话没人接");
            assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(n.channel()).isEqualTo(Channel.PHONE);
        }
        @Test void aNoticeWithNoChannelNamedIsOnline() {
            Note n = read("给小宋家长发了期中考试通知");
            assertThat(n.channel()).isEqualTo(Channel.ONLINE);
        }
        @Test void anythingSentToAParentWithNoChannelNamedIsOnlineButAFeverIsNot() {
            assertThat(read("给许诗涵妈妈发了这次月考的错题分析").channel()).isEqualTo(Channel.ONLINE);
            assertThat(read("把周测卷子拍照发给宋佳琪家长了").channel()).isEqualTo(Channel.ONLINE);
            assertThat(read("给许诗涵妈妈说她发烧了，让家里来接").channel()).isNotEqualTo(Channel.ONLINE);
        }
        @Test void southernGrandparentsAndAFamilysNannyAreGuardians() {
            Note grandma = read("许诗涵阿嬷下午打电话来，问她在学校吃得好不好");
            assertThat(grandma.kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(grandma.channel()).isEqualTo(Channel.PHONE);
            assertThat(read("宋佳琪家阿姨来电，说她这周都回得很晚").kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(read("许诗涵的保姆来学校送伞，聊了几句她在家的作息").kind()).isEqualTo(Kind.PARENT_CONTACT);
        }
        @Test void whatTheTeacherSawIsAnObservation() {
            assertThat(read("小宋这两天上课老是走神").kind()).isEqualTo(Kind.OBSERVATION);
        }
        @Test void aStateReportedBeforeAPlanMakesAnObservationWithAFollowUp() {
            Note n = READER.read("M1", "小宋这次月考退步很多，周五前和她家长沟通一下", WED);
            assertThat(n.kind()).isEqualTo(Kind.OBSERVATION);
            assertThat(n.date()).isEqualTo(d("2026-04-15"));
            assertThat(n.followUp()).isEqualTo(d("2026-04-17"));
        }
        @Test void aPlanFollowedByItsReasonStaysAReminder() {
            Note n = READER.read("M1", "两周后再找小宋聊一次，她最近情绪不太好", WED);
            assertThat(n.kind()).isEqualTo(Kind.REMINDER);
            assertThat(n.date()).isNull();
            assertThat(n.followUp()).isEqualTo(d("2026-04-29"));
        }
        @Test void aReceivedCallWithABareWeekdayIsAPastParentContact() {
            Note n = READER.read("M1", "周一晚上接到宋佳琪妈妈的电话，说孩子周末在家一直玩游戏", WED);
            assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(n.date()).isEqualTo(d("2026-04-13"));
        }
        @Test void aQuestionToTheBotIsAQuery() {
            assertThat(read("小宋这学期谈过几次？").kind()).isEqualTo(Kind.QUERY);
            assertThat(read("把宋佳琪的记录发我").kind()).isEqualTo(Kind.QUERY);
        }
        @Test void askingWhichStudentsAreLeftBehindLooksRecordsUpAndRaisesNoSignal() {
            Note n = read("我带的学生里哪几个是留守的");
            assertThat(n.kind()).isEqualTo(Kind.QUERY);
            assertThat(n.flags()).isEmpty();
            assertThat(read("宋佳琪说不想活了，怎么办？").flags()).contains(Flag.SAFETY);   // a risk told in a question is still a report
        }
        @Test void thanksIsOther() {
            assertThat(read("收到，辛苦了！").kind()).isEqualTo(Kind.OTHER);
        }
    }

    @Nested
    class TalkTypes {
        @Test void separatelyMeansIndividualTalksWithSeveralStudents() {
            Note n = read("今天跟小宋和晓雨分别谈了话");
            assertThat(n.talkType()).isEqualTo(TalkType.INDIVIDUAL);
            assertThat(n.studentIds()).containsExactlyInAnyOrder("A6", "A1");
        }
        @Test void severalStudentsTogetherIsAGroupTalk() {
            assertThat(read("和小宋、晓雨一起聊了学习计划").talkType()).isEqualTo(TalkType.GROUP);
        }
    }

    @Nested
    class FlagsAndNegation {
        @Test void aFamilysSituationToldWithoutItsNameIsFamily() {
            assertThat(read("和小宋聊了聊，她爸妈在外省开拉面馆打工，三年没回来了").flags()).contains(Flag.FAMILY);
            assertThat(read("和小宋聊了聊，她一直是姑姑带大的").flags()).contains(Flag.FAMILY);
            assertThat(read("小宋妈妈打电话来，说家里生意不好，最近手头紧").flags()).contains(Flag.FAMILY);
            // a mother at work in town is no family situation
            assertThat(read("小宋妈妈在超市上班，晚上八点才下班，今天来接晚了").flags()).doesNotContain(Flag.FAMILY);
        }
        @Test void aNegatedMoodRaisesNoFlag() {
            assertThat(read("和小宋聊了聊，她最近情绪不低落，没有被欺负").flags()).isEmpty();
        }
        @Test void lastingLowMoodIsAPsychFlagButOneBadDayIsNot() {
            assertThat(read("小宋最近一直情绪低落").flags()).containsExactly(Flag.PSYCH);
            assertThat(read("小宋今天考试有点紧张").flags()).isEmpty();
        }
        @Test void poorSleepAloneIsATopicNotAFlag() {
            Note n = read("和小宋聊了聊，她晚上睡不好");
            assertThat(n.topics()).contains(Topic.LIFE);
            assertThat(n.flags()).isEmpty();
        }
        @Test void selfHarmTalkRaisesSafetyAndPsych() {
            assertThat(read("晓雨跟我说有过自残的想法").flags()).containsExactlyInAnyOrder(Flag.SAFETY, Flag.PSYCH);
        }
        @Test void askingWhetherAStudentThoughtOfHarmingHerselfIsNoDenialUnlessSheSaysNo() {
            // 有没有 holds 没有, but asks: unanswered, the teacher's question is the worry, and the class head should hear of it
            assertThat(read("今天找晓雨聊了聊，我问她有没有想过伤害自己，她没回答，低着头").flags()).contains(Flag.SAFETY);
            assertThat(read("今天找晓雨聊了聊，我问她有没有想过伤害自己，她说没有，就是最近压力大").flags()).doesNotContain(Flag.SAFETY);
        }
        @Test void aChildHitAtHomeIsASafetySignalHoweverTheChildIsNamedButACallIsNot() {
            assertThat(read("和社工一起去小宋家家访，爸爸承认打过孩子").flags()).contains(Flag.SAFETY);
            assertThat(read("小宋奶奶说，她妈昨晚又打了闺女").flags()).contains(Flag.SAFETY);
            assertThat(read("小宋奶奶说有事先打她家座机").flags()).doesNotContain(Flag.SAFETY);
        }
        @Test void theThemeOfAGroupTalkIsNotAFlag() {
            assertThat(read("和小宋、晓雨一起聊了如何预防校园欺凌").flags()).isEmpty();
        }
        @Test void leftBehindChildrenRaiseTheFamilyFlag() {
            assertThat(read("家访了小宋家，父母都在外地打工，跟外婆住").flags()).contains(Flag.FAMILY);
        }
    }

    @Nested
    class ExtractionContract {
        @Test void aMalformedLineGetsAnOtherAnswerAndTheRunGoesOn() throws Exception {
            String in = "{\"id\": \"x1\", \"now\": \"oops\", \"sender\": \"M1\", \"text\": \"和小宋谈了\"}\n"
                    + "not json at all\n"
                    + "{\"id\": \"x3\", \"now\": \"2026-04-15T20:00:00+08:00\", \"sender\": \"M1\", \"text\": \"和小宋谈了\"}\n";
            StringWriter out = new StringWriter();
            assertThat(Extraction.run(ROSTER, new StringReader(in), out)).as("unreadable lines").isEqualTo(2);
            String[] lines = out.toString().split("\n");
            assertThat(lines).hasSize(3);
            // each says why, so a school scoring its own set sees a bad timestamp instead of 140 silent OTHERs
            assertThat(lines[0]).contains("\"id\":\"x1\"").contains("\"kind\":\"OTHER\"").contains("\"doubts\":[\"UNREADABLE:now\"]");
            assertThat(lines[1]).contains("\"kind\":\"OTHER\"").contains("\"doubts\":[\"UNREADABLE:json\"]");
            assertThat(lines[2]).contains("\"id\":\"x3\"").contains("\"kind\":\"TALK\"").contains("\"students\":[\"A6\"]")
                    .contains("\"clarify\":null").doesNotContain("UNREADABLE");
        }
        @Test void aReportIsDatedByWhatItTellsAndAReminderQuestionOrGreetingByTheDayItWasWritten() throws Exception {
            String in = "{\"id\": \"r1\", \"now\": \"2026-04-15T23:30:00+08:00\", \"sender\": \"M1\", \"text\": \"提醒我周五找小宋聊聊\"}\n"
                    + "{\"id\": \"q1\", \"now\": \"2026-04-14T16:30:00Z\", \"sender\": \"M1\", \"text\": \"小宋最近的记录\"}\n"
                    + "{\"id\": \"o1\", \"now\": \"2026-04-15T08:00:00+08:00\", \"sender\": \"M1\", \"text\": \"谢谢各位老师\"}\n"
                    + "{\"id\": \"t1\", \"now\": \"2026-04-15T08:00:00+08:00\", \"sender\": \"M1\", \"text\": \"昨天和小宋谈了谈\"}\n";
            StringWriter out = new StringWriter();
            Extraction.run(ROSTER, new StringReader(in), out);
            String[] lines = out.toString().split("\n");
            assertThat(lines[0]).contains("\"kind\":\"REMINDER\"").contains("\"date\":\"2026-04-15\"").contains("\"followUp\":\"2026-04-17\"");
            // 16:30 UTC on the 14th is half past midnight on the 15th in Shanghai
            assertThat(lines[1]).contains("\"kind\":\"QUERY\"").contains("\"date\":\"2026-04-15\"");
            assertThat(lines[2]).contains("\"kind\":\"OTHER\"").contains("\"date\":\"2026-04-15\"");
            assertThat(lines[3]).contains("\"kind\":\"TALK\"").contains("\"date\":\"2026-04-14\"");
        }
    }

    @Nested
    class KindsByStructure {
        @Test void aFatherByAnyNameWhoCallsOrComesIsAParentContactNotTheStudentsTalk() {
            assertThat(read("许诗涵阿达打电话来，说孩子生活费花得太快").kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(read("许诗涵父亲来校面谈，说孩子寒假就不想来学校").kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(read("许诗涵爸爸回电了，他在上海跑货运").kind()).isEqualTo(Kind.PARENT_CONTACT);
        }
        @Test void aStudentWhoCallsTheTeacherTalksWithTheTeacherWhateverOpensTheNote() {
            assertThat(read("周六值班，许诗涵晚上打电话给我，哭着说想家了").kind()).isEqualTo(Kind.TALK);
            assertThat(read("周六值班，许诗涵妈妈晚上打电话给我，说孩子想家了").kind()).isEqualTo(Kind.PARENT_CONTACT);
        }
        @Test void aTalkTheTeacherMustOrWantsToHaveIsAPlanNotATalk() {
            assertThat(read("许诗涵最近晚上都刷题到两三点，今天得找她聊聊").kind()).isEqualTo(Kind.OBSERVATION);
            assertThat(read("许诗涵这两天上课老走神 那个 下午找她聊聊").kind()).isEqualTo(Kind.OBSERVATION);
            // the same words told as done are the talk
            assertThat(read("许诗涵这两天上课老走神，下午找她聊了聊").kind()).isEqualTo(Kind.TALK);
        }
        @Test void aDictatedQuestionAndAnswerSeparatedBySpacesIsATalk() {
            assertThat(read("就是今天英语课上许诗涵趴在桌上 然后我下课问她怎么了 她说昨晚没睡好").kind()).isEqualTo(Kind.TALK);
        }
        @Test void aMedicalRecheckIsNotALookUp() {
            assertThat(read("许诗涵刚给我发微信说明天请假，要陪妈妈去医院复查").kind()).isNotEqualTo(Kind.QUERY);
        }
        @Test void howManyTimesWithAPlaceAfterItIsALookUp() {
            assertThat(read("许诗涵这学期一共来了几次咨询室").kind()).isEqualTo(Kind.QUERY);
        }
        @Test void rememberToRemindMeIsAReminderEvenAfterSomethingPast() {
            assertThat(read("过两天记得提醒我去许诗涵家看一下，她家里好像出了点事").kind()).isEqualTo(Kind.REMINDER);
        }
        @Test void aReminderToCollectRecordsIsATaskNotALookUp() {
            assertThat(read("提醒我月底前收齐许诗涵的成长档案").kind()).isEqualTo(Kind.REMINDER);
            assertThat(read("许诗涵的成长档案").kind()).isEqualTo(Kind.QUERY);
            assertThat(read("提醒我一下，许诗涵的成长档案在哪里？").kind()).isEqualTo(Kind.QUERY);
        }
        @Test void aVideoCallWithAParentIsAnOnlineContact() {
            Note n = read("今天视频连线了许诗涵妈妈，说了她失眠的事");
            assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
            assertThat(n.channel()).isEqualTo(Channel.ONLINE);
        }
        @Test void aParentsLongMessageNotYetAnsweredIsStillTheirContact() {
            assertThat(read("许诗涵爸爸在微信上发了一大段话，说她回家玩手机到半夜，我还没回").kind()).isEqualTo(Kind.PARENT_CONTACT);
        }
        @Test void criticisedByAnotherTeacherIsHeardNotATalk() {
            assertThat(read("听冯老师说许诗涵在寝室打牌被他批评了").kind()).isEqualTo(Kind.OBSERVATION);
        }
        @Test void twoStudentsCalledOutSeparatelyAreIndividualTalks() {
            Note n = read("课后我把许诗涵和吴天明分别叫出来说了几句");
            assertThat(n.kind()).isEqualTo(Kind.TALK);
            assertThat(n.talkType()).isEqualTo(TalkType.INDIVIDUAL);
        }
        @Test void aStudentWhoCameAndAskedTalkedButOneWhoDidNotComeDidNot() {
            assertThat(read("许诗涵中午来办公室问了几道函数题").kind()).isEqualTo(Kind.TALK);
            assertThat(read("许诗涵这周一直没来上课，打电话问了她妈妈").kind()).isEqualTo(Kind.PARENT_CONTACT);
        }
        @Test void howManyTimesAtTheEndAndAParentsNumberAreLookUps() {
            assertThat(read("许诗涵这学期谈过几次").kind()).isEqualTo(Kind.QUERY);
            assertThat(read("许诗涵妈妈的电话是好多").kind()).isEqualTo(Kind.QUERY);
            assertThat(read("许诗涵的家长电话").kind()).isEqualTo(Kind.QUERY);
        }
        @Test void thanksAndNotedIsAPleasantry() {
            assertThat(read("谢谢 记下了").kind()).isEqualTo(Kind.OTHER);
        }
        @Test void whatAStudentSaysToOtherBoysIsOverheardNotSaidToTheTeacher() {
            assertThat(read("下课听见许诗涵跟几个男生说再逼我我就从楼上跳下去").kind()).isEqualTo(Kind.OBSERVATION);
        }
    }
}
