package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static app.mentorbot.conversations.understanding.NoteReaderTest.rulesKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The readings the twenty-eighth pass added (docs/notes.md), on the reader test's roster; written on Wednesday
 * 15 April 2026.
 */
class GuardiansRepliesAndTeachersActsTest {
    @Test
    void theTeachersReplyToAGuardianPlansTheDayItNames() {
        Note pasted = read("「吴天明妈妈：老师，孩子这礼拜回家一直不说话，饭也不怎么吃。」已回复，说下周一找他谈。");
        assertThat(pasted.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(pasted.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        Note told = read("吴天明他爷爷发来微信语音，说孩子周末在家光打游戏，让我给说说。回他说周五我找吴天明好好聊聊。");
        assertThat(told.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // the guardian's own words about a day are theirs, not the teacher's plan
        assertThat(read("吴天明他爷爷发来微信语音，说孩子周五要去医院复查眼睛。").followUp()).isNull();
    }

    @Test
    void aNoteHeadedByItsCallThatAsksSomeoneToShowWorkIsTheCallNotAQuery() {
        Note n = read("电话：吴天明姆妈。暑假作业数学那本一大半空着，他姆妈讲暑假在夜市摆摊，顾不上他。跟她约好每天晚上在微信上拍作业给我看。");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.PHONE);
        // asking the bot to show a record is still a query
        assertThat(read("把吴天明这学期的谈话记录给我看看").kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void aFindingByCheckingAsksNothingOfTheBot() {
        Note n = read("听冯老师讲，吴天明这个月体育课三回请假都讲肚子疼，校医那边查不出什么毛病。下周一跟他妈妈聊聊。");
        assertThat(n.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(n.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(read("查一下吴天明上学期的谈话记录").kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void aGuardianWhoRangTheTeacherIsAContactHoweverTheCallIsSaid() {
        Note n = read("吴天明他爸打过来 问期中数学为啥才考了七十一 然后跟他讲了主要是函数那块没弄懂");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.PHONE);
    }

    /** Every plain word of the built-in guardian list, after a doubled nickname, is the student's guardian writing. */
    @Test
    void everyGuardianWordOfTheBuiltInListNamesTheStudentsGuardian() throws java.io.IOException {
        java.util.List<String> words;
        try (var in = NoteReader.class.getResourceAsStream("/understanding/parent-words.txt")) {
            words = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("re:")).toList();
        }
        assertThat(words).contains("姆妈", "阿爹", "额吉");
        for (String w : words) {
            Note n = read("「郑老师，我是涵涵" + w + "，孩子这几天回家老是哭，饭也不吃。」已回复，明天找她聊聊。");
            assertThat(n.studentIds()).as(w).containsExactly("A2");
            assertThat(n.kind()).as(w).isEqualTo(Kind.PARENT_CONTACT);
        }
    }

    @Test
    void aWordNameStandsForTheStudentWhereOnlyAPersonFits() {
        // after 刚才, a time; before 一个人, 每节课 and a holiday's return; kept after class to do something (留…把)
        for (String note : java.util.List.of("刚才高兴他爷打电话来，说孩子周末在家光打游戏。", "今天早上跑操，高兴一个人站在队伍最后面，眼圈红红的。",
                "这个礼拜英语课，高兴每节课都趴在桌子上，作业本上连名字都没写。", "放学留高兴把月考作文补写完了，写得蛮真。", "国庆回来高兴跟我讲他想学画画。",
                // where a person keeps things: 在…柜子里, 枕头底下
                "宿管在高兴柜子里翻出一把小刀，打电话问他妈，说是切瓜用的。", "查寝在高兴枕头底下翻出半包烟。")) {
            assertThat(read(note).studentIds()).as(note).containsExactly("A3");
        }
        // the word still reads as a word where it is one
        assertThat(read("今天月考完了，大家都很高兴，吴天明数学考了九十。").studentIds()).containsExactly("A4");
    }

    @Test
    void aCheckTheTeacherPlansTakesNoSignalBack() {
        Note n = read("吴天明讲放学在巷子口有两个大点的等他，叫他每天带五块钱，不带就要他好看。周一到校我先找吴天明问清楚。");
        assertThat(n.flags()).contains(Flag.SAFETY);
        // a check done, and what it found harmless, still does
        assertThat(read("班上传吴天明放学被人堵了，我找他问清楚了，是他自己在巷子口摔了一跤。").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aDiscussionTheClassHadIsNoTalkWithTheTeacher() {
        Note n = read("道法课讲防欺凌，让大家讨论碰到这种事咋办。吴天明讲他小学有个男生被人抢过钱，后来告诉了老师就没事了。讨论蛮热烈。");
        assertThat(n.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("下午跟吴天明讨论了选科的事，他想选物理。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aMorningNoteOpeningOnTheAfternoonsStepIsTodaysPlanWhateverScoreItGives() {
        java.time.ZonedDateTime morning = java.time.ZonedDateTime.parse("2026-04-15T08:10:00+08:00");
        for (String note : java.util.List.of("下午找吴天明聊聊期中数学，只考了四十七", "下午找吴天明把上周欠的两份实验报告补了。",
                "下午第二节课后找吴天明唠唠，他最近又不吱声了", "上午大课间找吴天明聊聊五一在家咋过", "下午放学前找吴天明，问问派出所那边处理得咋样了")) {
            Note n = NoteReaderTest.READER.read("M1", note, morning);
            assertThat(n.kind()).as(note).isEqualTo(Kind.REMINDER);
            assertThat(n.followUp()).as(note).isEqualTo(LocalDate.of(2026, 4, 15));
        }
        // told as done, it is the report
        assertThat(NoteReaderTest.READER.read("M1", "下午找吴天明聊了期中数学", morning).kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void theChildrenAllTogetherInAWishAreNoOneToFile() {
        assertThat(read("冬至快乐！食堂今天有羊肉汤，孩子们喝得可香了，也谢谢小助手一直帮我记着。").kind()).isEqualTo(Kind.OTHER);
        // the occasion may open the note, before the wishes or a word of the day
        assertThat(read("除夕夜，祝你也新年快乐！开学还要靠你帮我记着这些孩子的事").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("今天立冬，中午食堂包饺子！谢谢小助手这俩月帮我记着这些事。").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("今天立冬，吴天明感冒了，谢谢小助手这俩月帮我记着这些事。").kind()).isNotEqualTo(Kind.OTHER);
        // one child is someone to file
        assertThat(read("冬至快乐！吴天明今天喝了三碗羊肉汤，也谢谢小助手一直帮我记着。").kind()).isNotEqualTo(Kind.OTHER);
    }

    @Test
    void theTeachersStepAfterTheirReplyPlansItsDay() {
        Note n = read("「吴天明妈妈：老师，孩子这礼拜打电话一直说心口疼，晚上睡不着。」回了，说这阵子大家都紧，我周五带他去校医那里看看。");
        assertThat(n.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
    }

    @Test
    void aFigureTheTeacherToldOrANumberLeftAsksNothingOfTheBot() {
        assertThat(read("吴天明说以后想当护士，跟他讲了中考要考多少分。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("放假前把吴天明和许诗涵叫到一起讲了寒假安全，每个人留了家长电话。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明跟我说想报航模比赛，让他周五把模型带来给我看看。").kind()).isEqualTo(Kind.TALK);
        // asked of the bot, they still are questions
        assertThat(read("吴天明期中数学多少分").kind()).isEqualTo(Kind.QUERY);
        assertThat(read("吴天明妈妈的电话").kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void northernAndCentralGuardianWordsAfterANameAreTheGuardian() {
        for (String note : java.util.List.of("给吴天明他姥打了电话，老太太耳朵背，打了三回才接。跟她说了孩子最近的情况。",
                "吴天明他大大打电话来，说他在新疆摘棉花，娃娃跟他奶在家。", "吴天明他家家晚上打电话，说伢跟她吵了几句。",
                "吴天明他大爷下午来学校了，跟心理老师一块谈了一个钟头。", "晚上八点多吴天明他爷打电话，说孩子放学没回家。",
                "今晚吴天明他奶打电话来，哭着说孩子把压岁钱都塞给她了。", "昨晚十一点多吴天明他老舅来电话，说人找着了。",
                "「老师您好，我是吴天明他二姑，孩子他爸妈在外地打工。」已回复。")) {
            assertThat(read(note).kind()).as(note).isEqualTo(Kind.PARENT_CONTACT);
        }
        // a guardian's home the teacher went to is a home visit
        Note visit = read("上午去了吴天明姥姥家，老太太说孩子这阵子回来就躺炕上不吭声。");
        assertThat(visit.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(visit.channel()).isEqualTo(Channel.HOME_VISIT);
        // a wish not to be with a guardian is no contact
        assertThat(read("吴天明找着了，昨晚被铁路民警拦下来了。他跟民警说想去他爸那儿念书，不想跟他奶在这边。").kind()).isEqualTo(Kind.OBSERVATION);
        // 大大 and 大爷 elsewhere are no guardian
        assertThat(read("吴天明这次进步大大超出预期，找他聊了聊，表扬了几句。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aCallHeadedWithASpaceIsTheCall() {
        assertThat(read("电话 吴天明他爸 寒假补课 已沟通，他爸同意").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aGuardianMetByChanceCalledBackOrWrittenToIsAContactHoweverItIsTold() {
        for (String note : java.util.List.of("吴天明他大下午打电话来，说孩子中午吃了饭就出去了，到现在也没见着人。",
                "吴天明他公今天来学校送米，讲他老汉这个月把酒戒了。", "吴天明他家公打电话来，讲伢今天放学冇坐校车回来。",
                "吴天明他爸在校门口碰上了，说今年党参价钱掉得厉害，资料费能不能缓缓。",
                "今天放学吴天明妈妈四点半没等到他，急得给我打电话。", "面谈：吴天明妈妈。已经在市里精神卫生中心挂上号了。",
                "加上了吴天明阿妈的微信。她在东莞，讲春节前回来接他去那边过年。", "在钉钉上回了吴天明他妈的消息，跟她说先在本地跟岗。",
                "家长会完了吴天明他爸留下来跟我唠了半天，说孩子天天晚上说去同学家学习。",
                "吴天明他妈从无锡回来了，打电话跟我说那俩高二的还在QQ上给他发消息。", "吴天明伯娘打电话来，讲孩子国庆节回村里被人堵在河边了。", "吴天明他爷刚在校门口拦着我，说孩子回家脸上有道子。",
                "吴天明他爹送孩子返校 在传达室见了一面 说往后酒少喝", "吴天明她妈送她返校，在办公室坐了一会儿，说寒假里孩子不太说话。", "在校门口碰上吴天明阿妈来送衣服，跟她讲了孩子这学期数学进步了。", "吴天明爸爸在微信上讲，孩子周六在同学家过夜，提前打过招呼。",
                "吴天明她妈回了消息，说昨晚陪着孩子睡的。", "早上吴天明没来，电话也没人接，然后他姥打回来了，说孩子半夜发烧。",
                "凌晨联系上吴天明妈妈了，孩子在家。", "回电：吴天明她娘。孩子吃了药睡得踏实多了。", "吴天明他爹送孩子返校，在传达室见了一面。")) {
            assertThat(read(note).kind()).as(note).isEqualTo(Kind.PARENT_CONTACT);
        }
        // a guardian who only comes to fetch the child exchanged nothing with the teacher
        assertThat(read("吴天明体育课跳远崴了脚，校医给冰敷了，下午他爸来接去医院拍片子。").kind()).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void theTeachersDirectActsWithStudentsAreTalks() {
        for (String note : java.util.List.of("晚自习前把吴天明、许诗涵、周一鸣三个叫到一起，讲了讲选科的表怎么填。", "下午放学把吴天明留下了，一开始死不承认，后来认了。",
                "今天分别找了吴天明和许诗涵，期末前把作文的毛病各自讲了讲。", "吴天明这次单元测九十二，周二中午专门找他夸了几句。",
                "吴天明今天上课跟同桌讲话，被我说了两句。", "吴天明今天体育课没带球鞋，罚他跑了两圈。", "今天中午开始给吴天明、许诗涵、周一鸣补数学。",
                "吴天明早上跑操摔了一跤，手掌蹭破了，给他抹了药。", "最近发现吴天明课间从来不去厕所，问了下他同桌，说三楼厕所有几个初三的天天堵人。",
                "吴天明今天英语兴趣小组下课后来问我怎么报名讲故事比赛。", "吴天明物理课上问了好多问题，下课还追着我问了好多。",
                "下午跟冯老师一起找了吴天明和许诗涵，两个人坐下来把话说开了。", "吴天明今天语文课上顶嘴，下课说了两句。",
                "今天收上来的周记里，吴天明夹了张纸条给我。", "吴天明下午打球被撞了，鼻子出了好多血，问了在场的几个同学，是抢篮板时被胳膊肘撞的。",
                "吴天明今朝作业又没做好，我跟伊讲弗要紧，中午到办公室来补。", "今日英文课吴天明总是望住窗外，下课问他，原来是对面楼有工人在装广告牌。",
                // a list by spaces or with what they are, a number kept, two tutored together
                "那个 把吴天明 许诗涵 周一鸣三个孩子叫到一块 讲了讲期末复习怎么安排", "英语课默写，吴天明、许诗涵和周一鸣三个没过。课后把三个人留下来，一人抄了五遍。",
                "放学给吴天明、许诗涵俩补数学，单元测验俩人一个四十九一个五十三。",
                // names dictated with no stop between them, then how many
                "那个 放学给吴天明许诗涵周一鸣三个补了四十分钟数学 小数乘法还是搞不清")) {
            assertThat(read(note).kind()).as(note).isEqualTo(Kind.TALK);
        }
        // another adult who calls the student down to ask is theirs too
        assertThat(read("午休的时候值周老师看到吴天明坐在顶楼的栏杆上，值周老师把他叫下来问，他说就是上去吹吹风。").kind()).isEqualTo(Kind.OBSERVATION);
        // another adult's punishment or help is theirs
        assertThat(read("听冯老师说，吴天明今天体育课没带球鞋，被冯老师罚跑了两圈。").kind()).isEqualTo(Kind.OBSERVATION);
        // and so is another adult's praise or blame, told by them or named in its clause
        assertThat(read("听数学冯老师说，吴天明这周三回数学作业都是抄的，当堂批评了他。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("补记一下，上午数学课冯老师当堂批评了吴天明抄作业。").kind()).isEqualTo(Kind.OBSERVATION);
        // the teacher's own blame in the clause is the teacher's (the rules' reading: the kind model may still weigh the note)
        String own = "听数学冯老师说，□□□这周三回数学作业都是抄的，我也批评了他。";
        assertThat(WithTheTeacher.holds(own, own.indexOf("批评"), own.indexOf("批评") + 2)).isTrue();
    }

    /** The pattern builders read each guardian word's first char, so the list holds plain words only. */
    @Test
    void theGuardianWordsThePatternsShareArePlainWords() {
        for (String w : KinWords.STARTS.split("\\|")) assertThat(w).as(w).matches("\\p{IsHan}+");
        // so a guardian after the student's name is never read as the student speaking
        assertThat(read("吴天明他爹打电话来，说孩子暑假里老往外跑，晚上十一二点才进门。").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void whatAStudentSaysSpeakingUpInClassOrWhatOthersDoNotLetThemIsNoTalk() {
        String spoke = "道法课讨论了新闻里外省一个初中生被几个同学围着打的事，□□□发言说看到这种事要马上告诉老师。";
        assertThat(WithTheTeacher.holds(spoke, spoke.indexOf("□□□发言说"), spoke.indexOf("□□□发言说") + 6)).isFalse();
        String kept = "中午在食堂看到□□□一个人端着盘子站了半天，几个女生把空位都拿书包占着不让她坐。";
        GatedPattern.Scan talk = TalkWords.TALK.scan(kept);
        boolean any = false;
        while (talk.find()) any |= WithTheTeacher.holds(kept, talk.start(), talk.end());
        assertThat(any).isFalse();
    }

    @Test
    void aFamilyReachedBySomeoneElseIsNoContactOfTheTeachers() {
        assertThat(read("吴天明被铁路民警在铜仁站拦下来了，他跟民警讲要去东莞，派出所已经联系了他奶奶。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("吴天明找到了，在他表哥打工的厂里宿舍睡的，凌晨一点多表哥打电话给他妈妈才知道。").kind()).isEqualTo(Kind.OBSERVATION);
        // met at the police station, the guardian is the teacher's contact
        assertThat(read("早上在镇派出所见到吴天明跟他妈妈，他妈妈脸上肿了一块。").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aGuardianRightAfterTheStudentsNameIsWhoCalledAndSpoke() {
        // the guardian word the talk patterns do not know (他大, 他公) still makes the call the guardian's
        String masked = "□□□他大下午打电话来,说孩子中午吃了饭就出去了,到现在也没见着人。";
        assertThat(rulesKind(masked, 20, 0)).isEqualTo(Kind.PARENT_CONTACT);
        // so does a pronoun before it, the student spoken of before (早上他大打电话来)
        String pronoun = "□□找着了 早上他大打电话来 说在县城一个网吧里坐了一夜 人没事 已经领回家了";
        assertThat(rulesKind(pronoun, 8, 0)).isEqualTo(Kind.PARENT_CONTACT);
        // the student writing on a parent's phone is still the student
        String phone = "□□晚上用她姆妈的手机给我发消息,讲班上几个女生拉了个群。";
        assertThat(rulesKind(phone, 20, 0)).isEqualTo(Kind.TALK);
        String onPhone = "那个 晚上□□□在她娭毑手机上给我发语音 就是哭着讲想她妈妈了";
        assertThat(rulesKind(onPhone, 21, 30)).isEqualTo(Kind.TALK);
    }

    @Test
    void theMenteesAllTogetherAreEveryOneOfThem() {
        // M1 mentors seven: A1–A7
        java.util.List<String> all = java.util.List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7");
        assertThat(read("开学第一周，把导生们叫到一起聊了聊寒假。").studentIds()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(read("提醒我月底前收齐七个孩子的暑期安全承诺书").studentIds()).containsExactlyInAnyOrderElementsOf(all);
        // a number that is not how many the sender mentors names no one
        assertThat(read("提醒我月底前收齐三个孩子的暑期安全承诺书").studentIds()).isEmpty();
    }

    @Test
    void aTalkWordInsideQuotedWordsIsNotTheExchange() {
        Note call = read("吴天明在班级群里发了一句“这个家没什么好待的了，别找我”，然后退群了。打他电话关机。打给他爸，他爸说下午出门到现在没回。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        // the exchange outside the quotes still counts
        assertThat(read("吴天明在周记里写了一句“别来找我”。下课找他聊了，他说是抄的歌词。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aFatherCalledADaInLinxiaIsTheStudentsGuardian() {
        Note n = read("吴天明阿大发来几张截图，是班上几个男生建的小群，把他的照片P成了猪头。明天一早我先找那几个男生。");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.ONLINE);
        assertThat(read("家长会是高兴阿大来的，开完会留下来跟我谝了半天。").studentIds()).containsExactly("A3");
    }

    @Test
    void aGuardianBackFromWorkAwayIsNoMeetingAndOneWhoComesToFetchTheChildIs() {
        Note call = read("吴天明爸妈过年回来了，他妈今天打电话给我，说想带他去东莞读书，问转学要办什么手续。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        Note met = read("吴天明外公今天来接的时候跟我讲，他爸妈都在苏州厂里上班，一年回来两趟，晚上还要给他打电话。");
        assertThat(met.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(read("吴天明他爸今天下午来了，跟心理老师一起谈，答应每周跟他通一次电话。").channel()).isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void callingTheFamiliesOfSeveralStudentsIsAParentContactAndAStudentCallingHomeIsNot() {
        assertThat(read("台风来了，下午渡轮全部停航。吴天明今天返不了校，许诗涵也是，分别打了两家的电话，两个人都在屋里，好好的。").kind())
                .isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("班车停开了，吴天明、许诗涵几个住那边的孩子留校过周末。我一个个给他们家里打了电话讲清楚。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("吴天明住校第二周了，她每天晚上给家里打电话说想家。").kind()).isNotEqualTo(Kind.PARENT_CONTACT);
    }
}
