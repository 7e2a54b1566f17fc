package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Safety signals read from the situation a note describes (Situations), on NoteReaderTest's own
 * roster: each case combines word classes in a sentence no list holds whole, and each near miss
 * shows what keeps a situation from being one (an accident, a game, a teacher acting, a negation).
 */
class SafetySituationsTest {
    private static boolean suspected(Note n) {
        return n.flags().contains(Flag.SAFETY) && n.safetySuspected();
    }

    @Test
    void aKeywordRaisesSafetyThatIsNotSuspected() {
        Note n = read("许诗涵说她被同桌欺负了");
        assertThat(n.flags()).contains(Flag.SAFETY);
        assertThat(n.safetySuspected()).isFalse();
    }

    @Test
    void aCutMarkOnABodyPartIsSuspectedSelfHarmWhateverTheExplanation() {
        Note n = read("吴天明小臂上有好几条新的划痕，问他说是被纸划的");
        assertThat(suspected(n)).isTrue();
        assertThat(n.flags()).contains(Flag.PSYCH);
        assertThat(n.doubts()).anyMatch(d -> d.startsWith(Note.SAFETY_SUSPECTED));
    }

    @Test
    void talkOfNotWakingUpIsSuspectedSelfHarmEvenAsASupposition() {
        assertThat(suspected(read("欧阳晓雨在周记里写，要是哪天睡着就不用醒来就好了"))).isTrue();
    }

    @Test
    void imaginingTheFamilyBetterOffWithoutThemOrNoPlaceInTheWorldIsSuspectedSelfHarm() {
        // told of the student, not in their own 我: who would be gone, and who would be better off
        assertThat(suspected(read("吴天明跟我说，少了他家里日子会好过很多"))).isTrue();
        assertThat(suspected(read("欧阳晓雨说她要是不在了，爸妈反而省心"))).isTrue();
        assertThat(suspected(read("吴天明说他觉得这个世界没有他的位置"))).isTrue();
        // someone else's absence is not theirs
        assertThat(read("少了数学老师盯着，吴天明轻松了不少").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void anInjuryWithAnotherPartyInTheNextSentenceIsAFight() {
        assertThat(suspected(read("韩磊今天眼眶青了一大块。下午和对方的班主任一起处理了"))).isTrue();
    }

    @Test
    void anInjuryFromSportIsNotAFight() {
        assertThat(read("周一鸣打篮球时和对方撞了一下，嘴唇磕破了").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aFightInAGameIsNotAFight() {
        assertThat(read("周一鸣说昨晚在游戏里跟人动手打了一架").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void beingCorneredAndMadeToPayIsBullying() {
        assertThat(suspected(read("宋佳琪说放学后在车棚被两个高年级的拦住，让她交五十块"))).isTrue();
    }

    @Test
    void mockingInAGroupChatIsBullyingButATeacherScoldingIsNot() {
        assertThat(suspected(read("许诗涵的照片被人改丑了发到班群里，好几个人跟着嘲笑"))).isTrue();
        assertThat(read("许诗涵上课说话被老师骂了几句").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aParentWhoHasNotComeHomeIsNoRunawayButAParentTellingOfTheChildsNightIs() {
        // the last person named before the absence: a parent or a sibling who does not tell of it is the one away
        assertThat(read("许诗涵说她妈过年没回来，寒假一个人在家吃泡面").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("吴天明爸妈在外地开店，已经三年没回来了，跟外婆住").flags()).doesNotContain(Flag.SAFETY);
        // a parent who tells of it speaks of the student; the student named after the parent is the one away
        assertThat(read("吴天明妈妈打电话来，说昨晚一直没回家，电话也关机").flags()).contains(Flag.SAFETY);
        assertThat(read("许诗涵她妈说孩子周六周日都没回家").flags()).contains(Flag.SAFETY);
        // a parent acting on the student is no subject of the absence (被他爸骂了…没回家)
        assertThat(read("周一鸣被他爸骂了一顿，摔门出去一晚上没回家").flags()).contains(Flag.SAFETY);
    }

    @Test
    void notHomeWithThePhoneOffIsRunningAwayButAnExplainedNightIsNot() {
        assertThat(suspected(read("吴天明昨晚一夜未归，手机关机"))).isTrue();
        assertThat(read("吴天明这周没回家，留校参加集训").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aNegatedSituationIsNoSignal() {
        assertThat(read("问了周一鸣，手腕上没有什么伤痕，是我看错了").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void nobodyBeingBulliedAnyMoreIsNoSignal() {
        assertThat(read("周一鸣今天来说，现在没人找他要钱了，晚上睡得也踏实").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣今天来说，有人找他要钱，不给就打").flags()).contains(Flag.SAFETY);
    }

    @Test
    void runningAwayInAStoryAStudentWroteHappensToItsCharactersButAFarewellInOneStaysTheirs() {
        assertThat(read("许诗涵这次作文写了个童话，小狐狸冬天离家出走去找妈妈，写得挺有灵气").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("吴天明的作文《小乌龟离家出走记》很有意思，班上读了一遍").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣写了一个小女孩离家出走进城找妈妈的故事，拿了全班最高分").flags()).doesNotContain(Flag.SAFETY);
        // the student's own wish after the story is theirs; so are words of ending one's life in a story they wrote
        assertThat(read("许诗涵作文写了个童话，她说她也想离家出走").flags()).contains(Flag.SAFETY);
        assertThat(read("吴天明作文写了个故事，主人公最后写了遗书").flags()).contains(Flag.SAFETY);
    }

    @Test
    void aRoleInAPlayOrACampaignIsNotTheStudentsState() {
        assertThat(read("班会排情景剧，周一鸣演被孤立的新同学，演得很投入").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("今天防欺凌主题班会，周一鸣上台读了倡议书").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aClashAnAccidentExplainsIsNoSignalButAnAbsenceAHolidayOnlySetsTheSceneOfStillIs() {
        assertThat(read("下午篮球课周一鸣跟人抢篮板，眉骨撞到对方后脑勺上，缝了三针，纯属意外，两个人还互相问候").flags())
                .doesNotContain(Flag.SAFETY);
        assertThat(read("国庆放假，周一鸣爸爸打电话来，说孩子从1号出门就没回过家，电话打通了也不说在哪，问急了就挂").flags())
                .contains(Flag.SAFETY);
    }

    @Test
    void cryingAloneIsLowMoodNotARisk() {
        // (with 「问他也不讲」 after it the note now asks the teacher: since the sixth pass the model reads that clause alone at 0.13)
        Note n = read("宿管说周一鸣这几天晚上都躲在被子里哭");
        assertThat(n.flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣哭着说活着没意思，不想醒来了").flags()).contains(Flag.SAFETY);
    }

    @Test
    void hyperboleIsNotAWish() {
        assertThat(read("许诗涵说作业多得要死").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aPlanStillCarriesTheSignal() {
        Note n = read("明天找吴天明谈谈他被几个人堵在厕所要钱的事");
        assertThat(n.kind()).isEqualTo(Kind.REMINDER);
        assertThat(n.flags()).contains(Flag.SAFETY);
    }

    @Test
    void aRumourTheNoteDeniesIsTakenBackButAnUndeniedOneStays() {
        assertThat(read("有人传周一鸣在厕所被人打了，我问了他和同桌，根本没这回事，是别的班的人").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("听说周一鸣跟人打架了，原来是打球撞到一起，误会一场").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("有人传周一鸣在厕所被人打了，我还没找他问").flags()).contains(Flag.SAFETY);
    }

    @Test
    void aPastEpisodeTheNoteSaysIsOverIsTakenBackButARecentOneStays() {
        assertThat(read("周一鸣说上学期被人挂到空间骂的那件事已经过去了，现在大家还是好朋友").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣说上学期被人挂到空间骂，现在一进教室还是心慌").flags()).contains(Flag.SAFETY);
    }

    @Test
    void anEpisodeThatHasNotHappenedSinceOrWasDealtWithIsOverToo() {
        assertThat(read("吴天明爸爸问孩子最近表现，我说去年那次跑出去的事以后再没有过，作业也按时交").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("许诗涵上学期被高年级要钱那件事已经处理完了，这学期过得挺开心").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣说小学时被同学关在厕所里过，三年前的事了，现在挺好的").flags()).doesNotContain(Flag.SAFETY);
        // dealt with is not over when it goes on
        assertThat(read("许诗涵上学期被高年级要钱，这周又被堵在厕所要钱").flags()).contains(Flag.SAFETY);
    }

    @Test
    void askingWhatHappenedIsNoThemeOfALesson() {
        assertThat(read("周一鸣眼角肿了一大块问他怎么回事他说对方几个人围着他推来推去然后撞到栏杆上").flags()).contains(Flag.SAFETY);
        assertThat(read("班会讨论怎么应对校园欺凌，周一鸣发言很积极").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aRoleInAPlayIsNoOnesWishWhileTalkOfNoFutureIsOne() {
        assertThat(read("心理社排练情景剧，周一鸣演一个想跳楼的角色，演完说很有意义").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣的画上只写了没有十年后，说觉得自己撑不到放暑假").flags()).contains(Flag.SAFETY);
    }

    @Test
    void aParentsBeatingToldInThePassiveOrWithTheBlowLastIsAFamilyMatterAsWellAsARisk() {
        assertThat(read("周一鸣说继父昨晚又喝酒了，她被打了，胳膊上全是淤青").flags()).contains(Flag.SAFETY, Flag.FAMILY);
        assertThat(read("周一鸣奶奶打电话来，说他爸喝了酒，抄起扫帚柄往他背上抽").flags()).contains(Flag.SAFETY, Flag.FAMILY);
        assertThat(read("周一鸣说他爸最近在戒烟，不抽了").flags()).doesNotContain(Flag.FAMILY);
        assertThat(read("周一鸣说他爸烟也不抽，身体很好").flags()).doesNotContain(Flag.FAMILY);
    }

    @Test
    void aBeatingToldWithTheLocalPassiveOrTakenIsSuspectedButAPhoneCallHadMadeIsNot() {
        assertThat(suspected(read("吴天明眼眶让人打青了，问他也不说是谁。"))).isTrue();
        assertThat(suspected(read("周一鸣周末回家又遭他老汉打了，背上青了一块。"))).isTrue();
        assertThat(suspected(read("听村里的妇女主任讲，暑假许诗涵又挨了她婆婆一回打。"))).isTrue();
        assertThat(read("许诗涵下午让人打了个电话给她妈，说晚上晚点回去。").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void wordsOfDeathWrittenOverAndOverOnTheirOwnPaperAreSuspectedSelfHarm() {
        Note n = read("吴天明的草稿本背面写满了“去死”两个字，字写得很用力。");
        assertThat(suspected(n)).isTrue();
        assertThat(n.flags()).contains(Flag.PSYCH);
    }

    @Test
    void aQuarrelInAGameIsNoRiskUntilClassmatesTakeItToTheClassChat() {
        assertThat(read("周一鸣说他昨晚在王者里跟人打了一架，被对面骂惨了。").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("周一鸣妈妈发微信说，孩子寒假在游戏里被几个同学骂，还被拉进一个群里轮流骂他，说开学就弄你，他吓得不想去上学。").flags())
                .contains(Flag.SAFETY);
    }

    @Test
    void slitsCountedByTheirStrokesOnAnArmAreACutMarkButOneFromAToolIsNot() {
        assertThat(suspected(read("让吴天明把袖子挽起来，手臂内侧有三四道细长的口子，他说是猫抓的。"))).isTrue();
        assertThat(read("吴天明实训拆轮胎的时候手背被撬棍刮了一道口子，校医消毒包好了，不严重，提醒他以后戴好手套。").flags())
                .doesNotContain(Flag.SAFETY);
    }
}
