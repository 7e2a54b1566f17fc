package app.mentorbot.conversations.understanding;

import java.util.List;
import java.util.Set;

/**
 * What we know about Chinese personal names without a name recogniser: compound surnames (so
 * 欧阳晓雨 splits as 欧阳 + 晓雨), common single surnames (so "和张伟谈心" is recognisably a person
 * even when 张伟 is not on the roster), and the everyday words that a given name or a nickname can
 * collide with (明明 "obviously", 高兴 "glad"): such forms count as names only in name context.
 */
final class ChineseNames {
    private ChineseNames() {}

    static final List<String> COMPOUND_SURNAMES = List.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
            "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "申屠", "闻人",
            "东郭", "公冶", "太史", "澹台", "濮阳", "淳于", "单于", "钟离", "拓跋", "第五", "司空", "赫连");

    /** Common single surnames; excludes chars that mostly begin ordinary words (上, 明, 今...). */
    static final String SINGLE_SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    static boolean isSurname(String s) {
        return s.length() == 1 ? SINGLE_SURNAMES.indexOf(s.charAt(0)) >= 0 : COMPOUND_SURNAMES.contains(s);
    }

    /** Length of the surname at the start of a full name: 2 for a compound surname, else 1. */
    static int surnameLength(String fullName) {
        if (fullName.length() >= 3) {
            for (String c : COMPOUND_SURNAMES) if (fullName.startsWith(c)) return 2;
        }
        return 1;
    }

    /** Doubled chars that are everyday words; as a nickname (明明, 平平) they need name context. */
    static final Set<String> REDUPLICATED_WORDS = words(
            "明明", "平平", "静静", "好好", "天天", "常常", "刚刚", "渐渐", "慢慢", "默默", "偷偷", "悄悄",
            "早早", "多多", "大大", "小小", "宝宝", "仅仅", "往往", "处处", "人人", "轻轻", "稍稍", "深深",
            "紧紧", "久久", "满满", "真真", "牢牢", "暗暗", "冷冷", "星星", "洋洋", "纷纷", "匆匆", "每每",
            "时时", "事事", "样样", "年年", "家家", "步步", "层层", "重重", "连连", "频频", "微微", "高高",
            "远远", "长长", "白白", "统统", "通通", "个个", "恰恰", "乐乐", "欢欢", "安安", "亮亮", "多多",
            "甜甜", "乖乖", "早早", "快快", "好好", "细细", "淡淡", "浓浓", "弯弯", "婷婷", "依依", "楚楚",
            "翩翩", "亭亭", "生生", "明明白白", "清清", "朗朗", "茫茫", "浩浩", "滔滔", "蒙蒙", "落落");

    /** Everyday words that are also plausible names or given names (高兴, 安静, 李想 sounds like 理想). */
    static final Set<String> COMMON_WORDS = words(
            "高兴", "安静", "平安", "快乐", "开心", "欢乐", "幸福", "光明", "明亮", "文明", "阳光", "温暖",
            "成功", "胜利", "希望", "永远", "如意", "吉祥", "美丽", "清新", "自强", "志向", "理想", "梦想",
            "天真", "可爱", "向阳", "朝阳", "飞扬", "飞翔", "远航", "启航", "扬帆", "流畅", "顺利", "平静",
            "宁静", "安全", "健康", "和平", "方向", "前进", "长江", "黄河", "泰山", "高峰", "高山", "高远",
            "高明", "高强", "高尚", "高大", "林立", "时光", "温柔", "安宁", "安康", "白云", "白雪", "田野",
            "田园", "马上", "马力", "夏天", "江山", "江海", "乐观", "齐心", "汪洋", "黄金", "金色", "严明",
            "严格", "成才", "成长", "公正", "华丽", "童话", "卫生", "向前", "常青", "文静", "平常", "明白",
            "清楚", "秀丽", "聪明", "安心", "放心", "真诚", "诚实", "春天", "秋天", "冬天", "晨光", "曙光",
            "雨露", "海洋", "大海", "蓝天", "晴天", "建设", "国庆", "建国", "卫国", "振华", "中华", "华夏",
            "关心", "关爱", "钟情", "柳絮", "石头", "金鑫", "程度", "方便", "高手", "高考", "文化", "武术",
            "周到", "周末", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "于是", "向来", "常常",
            "宁可", "乐意", "欢迎", "英明", "英勇", "勇敢", "坚强", "刚强", "正直", "善良", "美好", "优秀",
            "安定", "安然", "淡定", "舒畅", "畅快", "欢快", "轻松", "活泼", "开朗", "灵活", "敏捷", "机灵",
            "方圆", "江南", "夏至", "金星", "白露", "秋实", "春华", "海燕", "红梅", "冬梅", "立春", "安全", "文武",
            "晓得", "知道", "一定", "一帆", "一鸣", "雨晴", "晴朗", "思考", "思念", "想念", "怀念", "纪念");

    /** Lexicons are edited by hand; a repeated word must not break class loading (Set.of would throw). */
    private static Set<String> words(String... ws) {
        return Set.copyOf(new java.util.HashSet<>(List.of(ws)));
    }
}
