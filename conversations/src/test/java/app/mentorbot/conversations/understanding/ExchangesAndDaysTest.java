package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.WED;
import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Who the exchange was with and which days a note names, as the twelfth pass read them (docs/notes.md), on the reader
 * test's roster; written on Wednesday 15 April 2026.
 */
class ExchangesAndDaysTest {
    @Test
    void aMotherCalledNiangAndAGrandmotherCalledLaoniangAreParents() {
        Note call = read("许诗涵她娘打电话来，说家里想让她转学。我说孩子这回月考进步了。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("今天跟吴天明的姥娘通了电话，老人家说他爸妈都在苏州。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // visiting a father's grave is no exchange with him
        assertThat(read("吴天明冬至回去给他爸上坟，回来以后情绪一直不高，这几天上课老走神。").kind()).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void yeGeIsYesterdayAndMingGeBeforeATimeOfDayIsTomorrow() {
        Note talk = read("许诗涵夜个下午跟我拉呱了一节自习课，说想复读。");
        assertThat(talk.kind()).isEqualTo(Kind.TALK);
        assertThat(talk.date()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(read("吴天明刚才跟上铺的吵起来了，明个上午再找他俩。").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(read("吴天明今天数学课又没带作业本 说是叫她弟弟撕了 明个让她补上").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
        // the teacher's own step told to a guardian, the teacher unsaid before 跟
        assertThat(read("吴天明姥姥晚上打电话来，说孩子回家就关屋里打游戏。跟老太太说周一我找他。").followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        // someone the teacher has do something on a school day, in a report: that day, not last week's
        assertThat(read("元旦放假安全告知书已经通知吴天明妈妈了，让她签好字周一带回来。").followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        // the students stay after school on the day: the teacher sees to it then
        assertThat(read("单元测试成绩：吴天明48，宋佳琪92。天明明天放学留下来订正。").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(read("这份说明个人信息要填全，吴天明还没交").followUp()).isNull();
        // before a school period too
        assertThat(read("批周记，吴天明写了一句不想活了。明个大课间我找他聊聊。").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void mingZhaoBeforeTheTeacherOrATimeOfDayIsTomorrowInWu() {
        assertThat(read("吴天明外公打电话来，讲伊放学被人堵在小店后头要钞票。明朝我到门口去看看。").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
        // the dynasty keeps its name
        assertThat(read("吴天明历史课讲明朝的事讲得头头是道。").followUp()).isNull();
    }

    @Test
    void aDayInASuppositionIsNoOnesDay() {
        assertThat(read("找许诗涵谈了，她说最近一闭眼就想，明早要是醒不过来倒也省事。已经转给心理老师。").followUp()).isNull();
        assertThat(read("吴天明周记里写：要是我明天不来了，大家应该都能轻松点吧。找他聊，他一直不吭声。").followUp()).isNull();
        // the teacher's own condition still plans
        assertThat(read("吴天明这周作业又没交，我如果明天有空再找他聊聊。").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aDayInTypedQuotesIsSomeonesWordsNotThePlan() {
        Note heard = read("吴天明今天中午跟我说，有人把他堵在墙角，走的时候还撂话'明天接着来'。");
        assertThat(heard.followUp()).isNull();
    }

    @Test
    void aClauseThatPointsBackAtTheDayIsWhatHappensOnIt() {
        Note test = read("物理周测许诗涵46分，全班倒数第二。三天后还有一次小测，到时候再看看。");
        assertThat(test.followUp()).isEqualTo(LocalDate.of(2026, 4, 18));
    }

    @Test
    void aFestivalNamedByItsDoubledMonthAndDayIsNoDayOfThisCalendar() {
        // 三月三 (the Zhuang, Li and She festival), 五月五, 九月九 with no 日 or 号 are lunar festivals, not 3 March
        Note practice = read("吴天明跟周一鸣在操场边练三月三的摔跤，旁边围了一圈起哄的，说了他们两句。");
        assertThat(practice.date()).isEqualTo(WED.toLocalDate());
        assertThat(read("三月三要表演竹竿舞，排练的时候吴天明的脚踝被竹竿夹了一下。").followUp()).isNull();
        // with 号 it is a date
        assertThat(read("三月三的时候吴天明跟同学在操场上推搡，班主任批评了他。").date()).isEqualTo(WED.toLocalDate());
        assertThat(read("三月三号吴天明跟同学在操场上推搡，班主任批评了他。").date()).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void theTeacherAskingOnTheSpotCallingCheckingOrStoppedByTheStudentIsATalk() {
        assertThat(read("放学看到许诗涵跟几个女生围在小卖部后头，我以为她被人堵了，走过去一问，是她们在凑钱给住院的同学买水果。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("期末考前给许诗涵打了个电话，她在宿舍复习，说这学期第一次觉得能考及格了。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明手腕上缠着一根黑皮筋，课上老去扯它，下课找他看了，就是扎头发用的。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("早上在校门口碰到吴天明，问清楚了，是他要转学去成都他妈妈那边。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("许诗涵今天在走廊上拦住我，讲她想转到我们班来。").kind()).isEqualTo(Kind.TALK);
        // 问一问 is still to be done: a plan
        assertThat(read("明天找吴天明问一问转学的事。").kind()).isEqualTo(Kind.REMINDER);
    }

    @Test
    void aWeekdayFollowedByAMeasureWordIsACount() {
        Note homework = read("吴天明今天又没交数学卷子，这礼拜一张都没交，问他，他说写不完。");
        assertThat(homework.date()).isEqualTo(WED.toLocalDate());
    }

    @Test
    void aStudentWhoSendsOrShowsTheTeacherSomethingTalksWithTheTeacher() {
        assertThat(read("许诗涵今晚在空间发了一条'好累'，吴天明截图发给我的。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明给我看了他手机，有人在抖音上给他留言骂他。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明用他妈手机在微信上给我发消息，问明天要不要带校服。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明他妈在微信上给我发消息，问明天要不要带校服。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // a classmate unnamed (his 同桌) sends or shows it, before any call to a parent: the first exchange is a talk
        assertThat(read("许诗涵在QQ空间发了一条'再见了'，她同桌截图发给了我。打她电话没人接，后来联系上她妈。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("许诗涵今天上课在本子上写满了“好累”，同桌拍照给我看的。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aStudentWhoJokesOrWhispersToTheTeacherTalksWithTheTeacher() {
        // the subject carried over from the sentence's first clause, the manner between 跟我 and 说
        assertThat(read("吴天明这几天状态好多了，早读跟同桌有说有笑，还跟我开玩笑说这次生物考砸了就完蛋了。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明这几天状态好多了，早读跟同桌有说有笑。").kind()).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void aLessonsOrAClassMeetingsDiscussionIsPublicNotATalk() {
        assertThat(read("英语课讨论了一篇留守儿童的报道，吴天明讲得挺动情。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("班会讨论了手机管理，吴天明带头发言。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("跟吴天明讨论了选科的事。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void theTeachersOwnWordsToComeAreAPlanNotTheStudentSpeaking() {
        // 演讲 and the teacher's 说一下 are no 讲 or 说 of the student's
        assertThat(read("周五中午找许诗涵谈一下英语演讲比赛的事。").kind()).isEqualTo(Kind.REMINDER);
        assertThat(read("周五找许诗涵说一下数学作业的事。").kind()).isEqualTo(Kind.REMINDER);
        assertThat(read("许诗涵说周五想跟我聊聊数学作业的事。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void studentsCalledInByNameOneAfterAnotherWereTalkedWith() {
        Note talks = read("下午分别找了许诗涵、吴天明、周一鸣谈抄作业的事，三个都承认了。");
        assertThat(talks.kind()).isEqualTo(Kind.TALK);
        assertThat(talks.studentIds()).containsExactlyInAnyOrder("A2", "A4", "A7");
    }

    @Test
    void aNoteHeadedAsATalkIsOneWhateverItPlans() {
        Note talk = read("谈：许诗涵，体测八百米怕跑不下来；约好每周二早上陪她练");
        assertThat(talk.kind()).isEqualTo(Kind.TALK);
        assertThat(talk.followUp()).isEqualTo(LocalDate.of(2026, 4, 21));
    }

    @Test
    void aStudentTalkedWithTogetherWithAnUnnamedRoommateIsAGroupTalk() {
        assertThat(read("找吴天明和他上铺一起谈了，两个人都写了检讨。").talkType()).isEqualTo(TalkType.GROUP);
        assertThat(read("晚上把许诗涵宿舍另外五个人叫到一起聊了聊。").talkType()).isEqualTo(TalkType.GROUP);
        // the others she tells of are not in the talk
        assertThat(read("许诗涵今天来找我，说寝室另外三个人拉了个小群不拉她。").talkType()).isEqualTo(TalkType.INDIVIDUAL);
    }

    @Test
    void aStudentAnsweringAClassmateOrThoseWhoFoundThemDidNotTalkWithTheTeacher() {
        assertThat(read("吴天明做操胳膊一抬，手腕里侧有几道红印子，旁边同学问，他说是猫挠的。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("吴天明在火车站被派出所找到了，他说想去温州找他妈。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("吴天明这几天一直穿高领毛衣，问他，他说冷。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aChildFoundByOthersSpeaksToThemWhereverTheNoteToldOfTheFinding() {
        // the finding a sentence or two before the words: the police, a patrol, the child as the one found
        assertThat(read("吴天明离家出走的事有着落了，在温州火车站被铁路民警拦了下来，他跟民警说想去温州找他舅舅。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("派出所打来电话，吴天明在后山的棚子里找到了，冻得直抖。他说怕爷爷打，不敢回去。").kind()).isEqualTo(Kind.OBSERVATION);
        // the teacher who found the child, or a knife found, leaves the talk a talk
        assertThat(read("我在网吧找到了吴天明，他说不想回家。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("生活老师在吴天明枕头底下找到的削笔刀，问他，他说是削铅笔用的。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void helpingOnesOwnUncleIsNotTheTeacherHelpingTheStudent() {
        assertThat(read("吴天明昨天是去码头帮他阿叔卸货了。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("中午帮吴天明补了补数学。").kind()).isEqualTo(Kind.TALK);
        // 陪他爸 is the student with his father; the video call with him is the teacher's talk
        assertThat(read("吴天明今晚没回宿舍，请了假去医院陪他爸做手术，刚跟他视频确认过。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aDictatedLetMeBeforeADayIsAReminderWhateverThePastAfterIt() {
        // 让我 is how 提醒我 comes out of voice input; the school's answer after it does not make the call a report
        Note n = read("那个 让我礼拜四给吴天明爸爸回个电话 住宿费的事学校批了");
        assertThat(n.kind()).isEqualTo(Kind.REMINDER);
        assertThat(n.followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
        // a time later today too
        Note today = read("让我今天下午第三节课后带吴天明去找朱老师，顺便给他妈妈打个电话");
        assertThat(today.kind()).isEqualTo(Kind.REMINDER);
        assertThat(today.followUp()).isEqualTo(WED.toLocalDate());
    }

    @Test
    void theTeachersSouthernWordsAboutADayArePlansToo() {
        // 讲 is the southern 说: what the teacher told a parent plans
        Note call = read("吴天明他爸从东莞打电话来，讲他数学听不懂。我讲下周开始午休给他补一补。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void theDayAfterAReminderRequestsColonIsItsDayWhateverTheSentenceReports() {
        Note n = read("提醒我：周五科学课后收吴天明的观察日记，他欠了两周了。");
        assertThat(n.kind()).isEqualTo(Kind.REMINDER);
        assertThat(n.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // a heading's colon plans nothing: 周一 there is past, no follow-up
        assertThat(read("谈：吴天明，周一迟到了，说是闹钟没响。").followUp()).isNull();
    }

    @Test
    void aGuardianWhoCalledOrToldSomethingIsAContactThatHappenedWhateverItPlans() {
        Note call = read("晚上许诗涵阿妈打电话给我，讲她抱着门框哭，死都不肯上车。我讲今晚先在家住，明天我先找她。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
        Note told = read("晚上打给吴天明外婆，外婆说他妈妈再婚后就没怎么联系孩子。约外婆明天上午来学校。");
        assertThat(told.kind()).isEqualTo(Kind.PARENT_CONTACT);
        // what the teacher will tell a parent, or ask a parent to do, is still a plan
        assertThat(read("明天跟吴天明妈妈说一下周末补课的事").kind()).isEqualTo(Kind.REMINDER);
        assertThat(read("明天让吴天明妈妈打电话给我").kind()).isEqualTo(Kind.REMINDER);
    }

    @Test
    void aWeekdayOpeningTheLastClauseWithTheTeachersNextStepIsTheFollowUp() {
        Note talk = read("找许诗涵聊了，她说月考没考好。周一跟她家里联系。");
        assertThat(talk.date()).isEqualTo(WED.toLocalDate());
        assertThat(talk.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        // whoever's step it is, as long as it is one: handing work in, not a time alone or what 才 tells was done
        assertThat(read("跟许诗涵讲了期中复习计划，让她写一张时间表，周五交给我。").followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(read("家长群发了运动会通知，4月24日下午两点。").followUp()).isNull();
        assertThat(read("听刘老师说，吴天明周六晚上跟家里吵完就走了，周日上午才被他舅舅找到。").followUp()).isNull();
        // a day opening the note sets the scene of what it reports
        Note visit = read("周一去吴天明家家访，他爸喝了酒，说话很冲。");
        assertThat(visit.date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(visit.followUp()).isNull();
        // whichever later sentence tells that it happened
        Note heard = read("周一下午一个女生来办公室，说许诗涵这两天在寝室把东西一样一样分给大家。我马上找了心理老师。");
        assertThat(heard.date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(heard.followUp()).isNull();
        Note home = read("周一去吴天明家家访。他爸妈都下岗了，家里欠了不少钱。");
        assertThat(home.date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(home.followUp()).isNull();
    }

    @Test
    void aDayOnWhichSomeoneElseArrangesToComeInOrHandWorkBackIsTheFollowUp() {
        Note call = read("晚上吴天明爸爸回了电话，说下周一请假来学校一趟。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(read("许诗涵抄了同桌的作业，谈了谈，她答应周五前把作业重做一遍。").followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // a day in someone's words that arranges nothing with the school, or refuses, stays theirs
        assertThat(read("许诗涵晚上私信我，说班上有人在群里骂她，她说明天不想来学校。").followUp()).isNull();
        assertThat(read("吴天明爸爸在家长群问周五要不要交校服费，已回复。").followUp()).isNull();
        assertThat(read("吴天明妈妈打电话来，说周六带他去医院看看。").followUp()).isNull();
    }

    @Test
    void aGuardianComingToSchoolOrToFetchTheChildAfterAFewWordsOfTheWayArrangesThatDay() {
        // Wednesday 15 April: Saturday is the 18th, Friday the 17th, next Monday the 20th
        assertThat(read("给吴天明他爸打了电话，讲了宿舍里的事，他讲礼拜六一上岸就直接来学校。").followUp()).isEqualTo(LocalDate.of(2026, 4, 18));
        assertThat(read("跟吴天明他爸通了电话，他说这礼拜五提前下班来接孩子，带他去医院看看。").followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // a clause that goes straight on is the same arrangement
        assertThat(read("给吴天明妈妈打了电话，她讲下礼拜一请假家来，直接到学校来接孩子。").followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        // one told as done arranges nothing ahead
        assertThat(read("吴天明他爸礼拜一一上岸就直接来学校了，在办公室坐了半个钟头。").followUp()).isNull();
    }

    @Test
    void aWeekendInAReportIsTheStudentsOrTheFamilysTimeNotTheFollowUp() {
        Note talk = read("找许诗涵聊了，她说晚上老睡不着。跟她说了周末别熬夜。");
        assertThat(talk.kind()).isEqualTo(Kind.TALK);
        assertThat(talk.followUp()).isNull();
        assertThat(read("吴天明妈妈来电，说孩子在家老哭，答应这周末带他出去走走。").followUp()).isNull();
        // the teacher's own day after it still is
        assertThat(read("吴天明这周作业没交，跟他说了周末补齐，下周一我检查。").followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void aTimeLaterTodayOpeningTheLastClauseWithTheTeachersStepIsTodaysFollowUp() {
        Note seen = read("吴天明这两天上课老走神 那个 下午找他聊聊");
        assertThat(seen.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(seen.followUp()).isEqualTo(WED.toLocalDate());
        assertThat(read("许诗涵今天说有人半夜给她发消息。已报学校，晚上约了她妈妈。").followUp()).isEqualTo(WED.toLocalDate());
        // a guardian to reach, or what the school arranges for the student
        assertThat(read("许诗涵哭着来办公室，说有人扯她头发。已报保卫科，晚上联系她妈妈。").followUp()).isEqualTo(WED.toLocalDate());
        assertThat(read("吴天明说宿舍那几个往他床上泼水。已经跟宿管说了，晚上就给他调寝室。").followUp()).isEqualTo(WED.toLocalDate());
        // a guardian's own words about tonight are theirs
        assertThat(read("吴天明膝盖擦破了，打电话跟他外婆说了，外婆说晓得了，晚上给他换药。").followUp()).isNull();
        // opening the note, the same words set the scene of what it reports
        assertThat(read("下午去吴天明家家访，他跟外婆住，爸妈在外地。").followUp()).isNull();
    }

    @Test
    void aMeetingTheTeacherCalledIsAGroupTalkWhateverEachSaidInTurn() {
        Note meeting = read("把许诗涵、吴天明、高兴叫到办公室开了个小会，各自说了期中的目标。");
        assertThat(meeting.kind()).isEqualTo(Kind.TALK);
        assertThat(meeting.talkType()).isEqualTo(TalkType.GROUP);
        // talks had one by one are still each their own
        assertThat(read("今天分别找了许诗涵、吴天明谈期中的目标。").talkType()).isEqualTo(TalkType.INDIVIDUAL);
    }

    @Test
    void theStudentsHomeWhereTheTeacherWentIsAVisitAndACallThatCameInIsAPhoneCall() {
        assertThat(read("上午去了吴天明家，跟他奶奶聊了半个钟头。").channel()).isEqualTo(Channel.HOME_VISIT);
        // the visit is the contact, whoever the note then tells of
        Note visit = read("今晚和政教处李主任一起去了吴天明家。他爸没喝酒，态度还好，承认那次下手重了。");
        assertThat(visit.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(visit.channel()).isEqualTo(Channel.HOME_VISIT);
        assertThat(read("明天去吴天明家看看。").kind()).isEqualTo(Kind.REMINDER);
        assertThat(read("许诗涵妈妈早上打过来说昨晚陪她睡的").channel()).isEqualTo(Channel.PHONE);
        // a day at school that did not happen is no meeting there
        assertThat(read("吴天明昨天没来学校，打电话给他姑姑，说人在家。").channel()).isEqualTo(Channel.PHONE);
        // a notice about the parents' meeting is sent, not met at
        assertThat(read("期末家长会的通知发给吴天明家长了，他奶奶没回，她不用微信。").channel()).isEqualTo(Channel.ONLINE);
        assertThat(read("家长会上跟吴天明妈妈聊了十分钟。").channel()).isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void aFailingScoreWithoutItsUnitOrAFallInRankIsForTheClassHead() {
        assertThat(read("谈：许诗涵，月考历史58，说背不进去；教了她画时间轴。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("月考成绩出来了，吴天明从年级60掉到了190多。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("吴天明这次数学92，进步很大。").flags()).doesNotContain(Flag.ACADEMIC);
        assertThat(read("找许诗涵谈了不到四十分钟，她说最近挺好的。").flags()).doesNotContain(Flag.ACADEMIC);
    }

    @Test
    void theTeacherTurningToSeveralAtOnceIsAGroupTalkWhoeverTheNoteNames() {
        Note play = read("晚修前路过男生宿舍，听见里面有人喊“救命”，推门一看是吴天明他们几个在玩狼人杀，笑成一团。说了他们两句。");
        assertThat(play.kind()).isEqualTo(Kind.TALK);
        assertThat(play.talkType()).isEqualTo(TalkType.GROUP);
        // a step still to come, a passive 让, or their class teacher are no such turn
        assertThat(read("晚自习前吴天明来找我，说他跟人在楼梯口打了一架。明天叫两个人一起说清楚。").talkType()).isEqualTo(TalkType.INDIVIDUAL);
        assertThat(read("找吴天明聊了，群里那些图早知道了。群的事已经让他们班主任去处理了。").talkType()).isEqualTo(TalkType.INDIVIDUAL);
    }

    @Test
    void aThingNotDoneIsToldOfTheDaysGoneBy() {
        Note n = read("吴天明周五没来上学，也没请假。");
        assertThat(n.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(n.date()).isEqualTo(LocalDate.of(2026, 4, 10));
    }
}
