package app.mentorbot.conversations.understanding;

/**
 * The words of a talk for {@link KindClassifier}: who opens a clause (the student, a parent, another person) and
 * what they do towards the teacher. Each pattern that opens on the student (□, 他, 她) first looks ahead for the
 * char its end needs, so the walk over the clause is tried only where it can succeed.
 */
final class TalkWords {
    private TalkWords() {}

    /** Words that start a person other than the student: a family member, another adult, another student. */
    static final String OTHER_PEOPLE = KinWords.STARTS + "|老师|师傅|同学|室友|舍友|同桌|宿管|朋友|班长|男生|女生|别人|大家|其他人"
            + "|继母|继父|监护人|叔|婶|伯|哥|姐";
    /** A student other than the one the note is about, who may tell or show the teacher something. */
    private static final String CLASSMATES = "室友|舍友|同桌|同学|班长|好朋友|同宿舍的|同寝室的|同寝的";
    /** Any char of a clause except one that starts a parent or another adult (□□妈妈说 is the mother speaking). */
    static final String NOT_A_PARENT = charNotStarting(OTHER_PEOPLE + "|家里|家人|屋头");

    /**
     * One char of a clause (no stop) that does not start any of the words: {@code (?:(?!words)[^,.;!?。])},
     * written so the look-ahead over every word is tried only at a char that can start one.
     */
    private static String charNotStarting(String words) {
        StringBuilder first = new StringBuilder();
        for (String w : words.split("\\|")) if (first.indexOf(w.substring(0, 1)) < 0) first.append(w.charAt(0));
        return "(?:[^,.;!?。" + first + "]|(?!" + words + ")[" + first + "])";
    }

    /** A talk between the teacher and a student: what the teacher did with the student, or the student to the teacher. */
    static final GatedPattern TALK = GatedPattern.compile(
            "谈心|谈话|谈了|谈过|谈谈|谈一谈|谈一下|约谈|聊|交流|(?<!大家|全班|同学们|班上|大伙|课|课上|班会|让他们|让她们|让孩子们)讨论(?![^,.;!?。]{0,2}(热烈|激烈|很|蛮|挺|非常|特别|气氛|得))|(来|做了?)[^,.;!?。]{0,6}咨询|(?<!家长)沟通|找.{0,8}谈|找(他|她|□+)[^,.;!?。]{0,10}(核实|了解|问|确认)|(跟|和|对)我[^,.;!?。我]{0,4}?[说讲](?!话|座|课|解|得)|告诉我|来找我|找我|(?<!被|被他|被她|老师|班主任|校长|家长)(表扬|批评|鼓励)|"
                    + "安慰|开导|劝|教育了|提醒了?(他|她|□)|建议(他|她|□)|辅导|叮嘱|嘱咐|询问了?(他|她|□)|(□|他|她)(主动)?(跟我|和我|对我)?[说讲](?!过?话|座|课|解|得)"
                    // the student reaches the teacher, or the teacher calls/messages the student
                    + "|(□|他|她)(?=[^,.;!?。]{0,12}[给跟和向找])" + NOT_A_PARENT + "{0,12}(给我|跟我|和我|向我|找我)[^,.;!?。]{0,6}(说|发|打|留言|倾诉|哭诉|反映|求助)"
                    // the student calls or writes the other way round (□□晚上打电话给我, 她发微信给我)
                    + "|(□|他|她)(?=[^,.;!?。]{0,16}给我)" + NOT_A_PARENT + "{0,8}(打|发|回)(了|过)?(个|一个|一条|一段)?(电话|微信|消息|视频|语音|短信|信息)给我"
                    // the student hands or sends the teacher something (□□截图发给我的, 她给我看了手机)
                    + "|(□|他|她)(?=[^,.;!?。]{0,12}[发转拿递给])" + NOT_A_PARENT + "{0,10}?((发|转|拿|递)(过来)?给了?我|给了?我看)"
                    // a classmate sends or shows the teacher something (他同桌截图发给了我, 同桌拍照给我看的)
                    + "|(" + CLASSMATES + ")[^,.;!?。]{0,8}?((发|转|拿|递|拍)[^,.;!?。]{0,3}?给了?我|给了?我看)"
                    // on someone else's phone (□□用他妈手机在微信上给我发消息, □□放学后拿她妈妈的手机给我看): the student still writes
                    + "|(□|他|她)(?:[^,.;!?。]{0,4}?[后时前上里])?(?:用|拿|借|在)[^,.;!?。]{0,6}(?:手机|电话|平板|电脑|微信|号)[^,.;!?。]{0,8}?(?:给我|跟我|找我)"
                    // several students called in by name (分别找了□□□、□□、□□□谈)
                    + "|找了?(□+、)+□+[^,.;!?。]{0,3}(谈|聊)"
                    + "|(□|他|她)(?=[^,.;!?。]{1,6}[说讲问来告])" + NOT_A_PARENT + "{1,6}(?<![不没演])(说|讲|问我|来问|告诉我)(?!过?话|座|课|解|得|一下)"
                    // an agreement reached with the student (跟他约好下周一来补课) is a talk that also plans; tutoring is helping directly
                    + "|(跟|和)(他|她|□+)(约好|说好|商量好|讲好|约了|约定|说定)|(?<![看遇碰瞧])见了(他|她|□+)|(给|和|跟|与|同)(我的)?[^,.;!?。]{0,6}(导生|学生|孩子|受导生|娃|□)[^,.;!?。]{0,4}(开(了|个|一|次|(?=会))|上了?|办了?|召开了?)[^,.;!?。]{0,14}?(?<!家长)会|找(他|她|□+)(说|讲)(了|说|一下|两句|几句)|(□|他|她)(主动)?问我|给(他|她|□+)补(?!办|交|考|助|贴|发|卡|票)"
                    // students called into the teacher's room (两个人今天都叫来办公室了), not by someone else (被班主任叫到办公室)
                    + "|(?<!被[^,.;!?。]{0,6})(叫|喊)(来|到|进)了?(我的?)?(办公室|心理室|咨询室|我这)"
                    // a classmate tells the teacher: on the phone, or the teacher hears it from them (听班上同学说; 听到□□跟同学说 is overheard)
                    + "|(" + CLASSMATES + ")[^,.;!?。]{0,4}给我(打|发|留)"
                    + "|听(班上|班里|他|她|他的|她的)?(室友|舍友|同桌|同学|班长|好朋友|值周的学生)[^,.;!?。]{0,2}[说讲]"
                    // the student writes to the teacher (发来一长段话), or answers when asked (问他，说…)
                    + "|(跟|和|给|对|向)(他|她|伊|□+)(讲|说明|解释|强调)|问(他|她|□+)[,]\\s*(原来|才知道)是|教(了|过)?(他|她|□+)|我问(了|过)?(他|她|□+)"
                    // a note handed to the teacher, two called aside: exchanges too (问她也不说话 is not: nothing was exchanged)
                    + "|(递|塞|交|写|留)[^,.;!?。]{0,6}给我|把(他|她|□+|俩人|两人|两个人|他俩|她俩)(分别|都|一起|单独)?(叫|喊)"
                    + "|(□|他|她)(?=[^,.;!?。]{0,6}[承坦交])" + NOT_A_PARENT + "{0,6}(承认|坦白|交代)|问了?才(知道|晓得|明白)|问了□"
                    // the teacher asked the student something, and the student answered by a gesture
                    + "|[,]\\s*(他|她)(点点头|点了点头|摇摇头|摇了摇头)|夸了?(他|她|□+)"
                    // a classmate tells the teacher (a student talking with the teacher, docs/notes.md)
                    + "|(" + CLASSMATES + ")[^,.;!?。]{0,3}(来说|来讲|跑来说|来找我|跑来找我|告诉我|跟我[说讲]|和我[说讲])"
                    // the student came (to the office, to me) and said: 韩梦中午来心理咨询室，说…; not one someone else brought
                    // back (派出所的人把他送回来的，他说…: the 说 is read on its own, after the finding; 我去把他接回来 is the teacher)
                    + "|(?<!(?<!我[^,.;!?。]{0,4})[把被将])(□|他|她)(?=[^,.;!?。]{0,8}[来过等])" + NOT_A_PARENT + "{0,8}(?<![没不未起]|[没不未冇][回过进])(来|跑来|过来|等我)[^。!?]{0,16}?[,]?\\s*(每次都|又|还|就)?(?<!听)(说|讲|问我|哭着说|问了|请教)(?!话|座|课|得)"
                    + "|问(了|过)?(他|她|□+)[^,.;!?。\\s]{1,10}([,]\\s*|\\s+)(他|她|□+)(就|才|只)?(说|讲)(?!话)|(□|他|她)(?=[^,.;!?。]{0,6}发来)" + NOT_A_PARENT + "{0,6}发来|(□|他|她|自己)(?=[^,.;!?。]{0,6}给我打)" + NOT_A_PARENT + "{0,6}给我打(了|的)?个?电话"
                    // the teacher asked the student a question (今天问她有没有想过伤害自己); the teacher spoke to each (把俩人分开各说了几句)
                    + "|问(他|她|□+)(有没有|是不是|为什么|为啥|怎么|咋)|各(说|讲|批评)了(几句|两句|一顿|一通)|问(了|过)?(他|她|□+)?(一下|下|半天)?[,]\\s*(他|她)?才?[说讲](?!话)"
                    + "|开了?(个|一个|次|一次)?(小会|见面会|座谈会|会)|开了?(个|一个|次|一次)?[^,.;!?。]{1,12}?(小会|见面会|座谈会|交流会|分享会|小组会)|(说|讲)了(他|她|□+)|(陪|帮|劝|(?<![不没别]|可以)让|叫|拉|喊|留)(他|她|□+)(?![“\"‘「]|外号|绰号|名字)(?!的?(室友|舍友|同桌|同学|朋友|阿叔|阿婶|阿伯|阿姨|阿嬷|阿公|阿爸|阿妈|" + KinWords.STARTS + "|叔|婶|伯|哥|姐|弟|妹|家))(?![^,.;!?。]{0,5}(不应|不理|没应|没反应|不回|没回|不吭))(?!先?在家)|问了(一下|问|(他|她)(?!的?[^,.;!?。\\s和跟与及]{0,8}?(老板|店主|师傅|阿姨|老师|宿管|班主任|教练|司机|医生|" + KinWords.STARTS + ")))|问(了|过)?(他|她|□+)?(一下|下|半天|几句|原因)?(他|她)?(就|才|只)?说(?!话)|给(他|她)(弄|定|做|制定|讲)"
                    + "|(跟|和|给|与)(□+|他|她)(视频|通话|打电话|打了电话|通电话|通了电话|发消息|发信息|发微信|微信)"
                    // a note headed by its kind, in the teacher's shorthand (谈：□□，迟到；家长知情)
                    + "|(?:^|(?<=\\n))\\s*(?:谈|谈话|谈心|个谈|面谈)\\s*:"
                    // the student wrote to the teacher on a channel (□□早上发信息说发烧, 在企业微信留言)
                    + "|(□|他|她)(?=[^,.;!?。]{0,8}[发留私])" + NOT_A_PARENT + "{0,8}(发了?(条|个)?(信息|消息|微信|短信|语音)|留言|私信我|私聊我)"
                    + "|(追着|拉着|缠着|围着|拦住|叫住|喊住)我"
                    // the teacher went over and asked, called the student, checked on them in person or met them and asked
                    // (走过去一问，是…; 给□□打了个电话; 下课找她看了; 在校门口碰到□□，问清楚了)
                    + "|(?<![问再])一问(?!三)|给(□+|他|她)打了?(个|一个|一通)电话|找(他|她|□+)看(了|过)|(碰到|碰见|遇到|遇见)(□+|他|她)[,]?\\s*问"
                    // asked, and the answer follows (问了，是在寝室煮面; 问了是在排练)
                    + "|问(了|过)(他|她|□+)?(一下|下)?[,]?\\s*(原来|才知道)?是(?!不是|否)"
                    // a classmate came to tell it (室友刚才来办公室说)
                    + "|(" + CLASSMATES + "|值周的学生)[^,.;!?。]{0,4}(来|跑来|过来)[^,.;!?。]{0,6}(说|讲|告诉我)(?!话)"
                    // students named in a list and called in, kept or met one by one (把□□□、□□、□□三个叫到一起, 把□□留下了, 分别找了□□和□□)
                    + "|把(□+[、,和跟与\\s]*)+(两个|三个|四个|五个|六个|几个|俩|仨)?(女生|男生|孩子|娃儿?)?(都|一起|先)?(叫|喊|留)|分别(找|叫|问)了?"
                    // a few kept or called in by their number (课后把三个人留下来, 把那四个女生叫到办公室, 把那三个初二的女生叫到一起)
                    + "|把(那|这)?(两|三|四|五|六|几)个([^,.;!?。]{1,4}的)?(人|女生|男生|孩子|娃儿?)(都|一起|先)?(叫|喊|留)"
                    // the teacher praised, scolded or punished the student directly (找她夸了几句, 被我说了两句, 罚他跑两圈)
                    + "|找(他|她|□+)(夸|表扬|批评)|被我(说|讲|批评|骂|训)|罚了?(他|她|□+)"
                    // the teacher tutored several students together (给□□、□□、□□补数学) or helped one by hand (给她抹了药, 塞给他一双棉鞋)
                    + "|给(□+[、和])+□+(俩|仨|两个|三个)?补(?!办|交|考|助|贴|发|卡|票)|给□{4,}(俩|仨|两个|三个|四个|几个)补(?!办|交|考|助|贴|发|卡|票)|给(他|她|□+)(抹|擦|冲|倒|披|盖|包扎)|塞给(他|她|□+)"
                    // the teacher asked a classmate, who answered (问了下他同桌□□□，说…), or heard a classmate named by the student (听□□□的同桌说)
                    + "|问了?(下|一下)?(他|她|□+)的?(" + CLASSMATES + ")|问了(在场的|旁边的)?[^,.;!?。]{0,4}(" + CLASSMATES + ")|听□+的(" + CLASSMATES + ")[^,.;!?。]{0,2}[说讲]"
                    // the student came to ask or borrow (主动来问我, 下课还跟过来问, 追着我问)
                    + "|(?<![叫喊下上进出回])(主动)?(跑|跟)?过?来(问|借|请教)|追(着|住)我问"
                    // several students named, found by the teacher (一起找了□□和□□□, 找了□□寝室那四个女生)
                    + "|找了(□+[、和与\\s]*)+□+|找了[^,.;!?。]{0,8}(几个|三个|四个|五个|两个|俩|仨)"
                    // the teacher's word of blame after class (下课说了两句) and a note slipped to the teacher (周记里夹了张纸条给我)
                    + "|(下课|课后|放学|当面|私下)(说|讲|批评)了(他|她)?(两句|几句|一顿|一通)|夹[^,.;!?。]{0,6}给我"
                    // the student came to the teacher's room (□□这周来心理室做了沙盘)
                    + "|(□|他|她)(?=[^,.;!?。]{0,6}[来到过跑])" + NOT_A_PARENT + "{0,6}(来|到|跑来|过来)了?(我的?)?(办公室|心理室|咨询室|心理咨询室)");

    /** A student opens the note speaking to the teacher (□□说, □□问我, 他跟我说). */
    static final GatedPattern STUDENT_SPOKE = GatedPattern.compile(
            "(□+|他|她)(?=[^,.;!?。]{0,10}[跟和对说讲问告来])" + NOT_A_PARENT + "{0,8}?(?<![再要会想演])(跟我[说讲]|和我[说讲]|对我[说讲]|[说讲](?!话|座|课|解|得|一下)|问我|告诉我|来找我)");
}
