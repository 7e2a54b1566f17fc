package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * Finds the students a note talks about.
 *
 * <p>Design: every student contributes the surface forms teachers use (full name, given name,
 * 小, 阿 + last char, last char + 仔, doubled first or last char of the given name, 小 + surname, surname + 同学); the note is scanned for all of
 * them and overlapping hits are settled longest-first. A form that is also an everyday word
 * (明明, 高兴) is kept only in name context. Each kept hit is resolved through the {@link Tiers}
 * (mentees, taught classes, school). Then two fallbacks: collective phrases (所有受导学生) mean all
 * the sender's mentees, and a clearly named person who matched nothing (和张伟谈心, 陈同学) becomes an UNKNOWN mention ({@link UnknownNames}) whose
 * candidates are the roster names that sound the same (voice-input slips), possibly none.
 *
 * <p>Immutable after construction, so one instance serves all threads.
 */
final class NameMatcher {
    private enum FormType { FULL, GIVEN, XIAO_LAST, DOUBLED, XIAO_SURNAME, SURNAME_TONGXUE }

    private record Form(String studentId, FormType type) {}

    private record Hit(int start, int end, String surface, List<Form> forms) {
        int length() { return end - start; }
    }

    private final Roster roster;
    private final Map<String, List<Form>> forms = new HashMap<>();
    /** The same forms as a trie: all forms starting at one offset are found in one walk. */
    private final WordTrie<List<Form>> formIndex = new WordTrie<>();
    /** Teachers' full names: a student's name part inside one (泽仁 in 泽仁邓珠老师) is the teacher. */
    private final Set<String> teacherNames = new HashSet<>();
    /** Students with a transliterated or a four-character name, called by a part of it (卓玛 for 次仁卓玛). */
    private final Set<String> calledByAPart = new HashSet<>();
    private final SortedSet<Integer> teacherNameLengths = new TreeSet<>();
    private final Tiers tiers;
    private final Homophones homophones;
    private final UnknownNames unknownNames;

    private final ChineseNames chineseNames;

    NameMatcher(Roster roster, Lexicon lexicon) {
        this.roster = roster;
        this.chineseNames = new ChineseNames(lexicon);
        for (Student s : roster.students()) addForms(s);
        for (var t : roster.teachers()) {
            String name = t.name() == null ? "" : t.name().strip();
            // 古丽娜尔·吐尔逊 is written 古丽娜尔老师 too: each long part of a transliterated name is the teacher's name
            for (String written : name.split("[" + NAME_DOTS + "]")) addTeacherName(written.strip());
            addTeacherName(name);
        }
        forms.forEach(formIndex::put);
        this.tiers = new Tiers(roster);
        this.homophones = new Homophones(roster, chineseNames);
        this.unknownNames = new UnknownNames(tiers, homophones, chineseNames);
    }

    private void addTeacherName(String name) {
        if (name.length() < 3) return;
        teacherNames.add(name);
        teacherNameLengths.add(name.length());
    }

    private void addForms(Student s) {
        String full = s.name().strip();
        if (full.length() < 2) return;
        add(full, s, FormType.FULL);
        if (transliterated(full, s) || twoNames(full, s)) {
            calledByAPart.add(s.id());
            return;
        }
        int sl = chineseNames.surnameLength(full);
        String surname = full.substring(0, sl);
        String given = full.substring(sl);
        if (given.isEmpty()) return;
        char last = given.charAt(given.length() - 1);
        // a one-char given name (周文 → 文) is far too ambiguous on its own; only its nicknames count
        if (given.length() >= 2) add(given, s, FormType.GIVEN);
        add("小" + last, s, FormType.XIAO_LAST);
        add("阿" + last, s, FormType.XIAO_LAST);   // 阿杰 for 邵俊杰
        add("" + last + last, s, FormType.DOUBLED);
        // 浩浩 for 王浩然, 佳佳 for 翁佳怡: the first char of a two-char given name doubled, as families call a child
        if (given.length() == 2) {
            add("" + given.charAt(0) + given.charAt(0), s, FormType.DOUBLED);
            // 小鹏 for 杜鹏飞: 小 and the given name's first char, as families call a child too; not where that is a word
            // of its own (小学, 小子) or a count (从小一个人)
            String xiaoFirst = "小" + given.charAt(0);
            if (!chineseNames.isWord(xiaoFirst) && "一二三四五六七八九十两".indexOf(given.charAt(0)) < 0) add(xiaoFirst, s, FormType.XIAO_LAST);
        }
        add(last + "仔", s, FormType.XIAO_LAST);   // 辉仔 for 王家辉: the southern (粤, 闽) nickname
        add("小" + surname, s, FormType.XIAO_SURNAME);
        if (sl == 2) add(surname, s, FormType.XIAO_SURNAME);   // 欧阳, 司马: a compound surname alone is what classmates call them
        add(surname + "同学", s, FormType.SURNAME_TONGXUE);
    }

    /** The dots between the parts of a transliterated name (阿依古丽·吐尔洪), as rosters and teachers type them. */
    private static final String NAME_DOTS = "·•・‧．.";

    /**
     * A transliterated name (Uyghur, Kazakh, Tibetan…: 阿依古丽·吐尔洪) is a given name, a dot and a father's or family
     * name, not a Chinese surname and given name: teachers write it with any dot or none, and call the student by the
     * first part (阿依古丽), or a long first part by its first or last two chars (阿依, 古丽). None of the Chinese nicknames
     * (小 + last char, doubled last char) apply.
     */
    private boolean transliterated(String full, Student s) {
        if (full.chars().noneMatch(c -> NAME_DOTS.indexOf(c) >= 0)) return false;
        List<String> parts = new ArrayList<>();
        for (String part : full.split("[" + NAME_DOTS + "]")) if (!part.isBlank()) parts.add(part.strip());
        if (parts.isEmpty()) return true;
        for (char d : NAME_DOTS.toCharArray()) add(String.join(String.valueOf(d), parts), s, FormType.FULL);
        add(String.join("", parts), s, FormType.FULL);
        String given = parts.get(0);
        if (given.length() >= 2) add(given, s, FormType.GIVEN);
        // 阿依古丽 is called 阿依 or 古丽, 别克波拉提 别克: a long given name's first or last two chars
        if (given.length() >= 4) {
            add(given.substring(0, 2), s, FormType.GIVEN);
            add(given.substring(given.length() - 2), s, FormType.GIVEN);
        }
        return true;
    }

    /**
     * A four-character name with no compound surname (扎西多吉, 次仁卓玛, 吉克阿依) is not a surname and a three-character
     * given name, which Han names almost never are: it is two names of two characters, as Tibetan and Yi names are, and
     * the student is called by either (多吉, 卓玛, 阿依). Students who share a part (three 卓玛 in a class) are told apart
     * by the sender's mentees first and else asked about. None of the Han nicknames (小 + last char, doubled last char) apply.
     */
    private boolean twoNames(String full, Student s) {
        if (full.length() != 4 || chineseNames.surnameLength(full) == 2 || !full.chars().allMatch(Character::isIdeographic)) return false;
        add(full.substring(0, 2), s, FormType.GIVEN);
        add(full.substring(2), s, FormType.GIVEN);
        return true;
    }

    private void add(String surface, Student s, FormType type) {
        List<Form> list = forms.computeIfAbsent(surface, k -> new ArrayList<>());
        for (Form f : list) if (f.studentId().equals(s.id())) return;   // 张小明: given 小明 == 小 + 明
        list.add(new Form(s.id(), type));
    }

    // ---------------------------------------------------------------- finding

    List<Mention> find(NoteText text, String senderId) {
        String s = text.simple;
        List<Hit> hits = new ArrayList<>(settle(allHits(s)));
        // a title (《离家出走的小明》) names a book or a play: only a full name that is no word is still a student
        hits.removeIf(h -> inTitle(s, h.start(), h.end()) && (wordLike(h) || h.forms().stream().noneMatch(f -> f.type() == FormType.FULL)));
        List<Hit> kept = keepInNameContext(s, hits);
        // 有个叫马小龙的孩子: a person introduced by name is that person, not the roster student a part of the name would be
        List<int[]> called = UnknownNames.introduced(s);
        if (!called.isEmpty()) kept = kept.stream().filter(h -> called.stream().noneMatch(c -> h.start() >= c[0] && h.end() <= c[1]
                && (h.start() > c[0] || h.end() < c[1]))).toList();
        // a note that names no one else, opening with a word-name a pronoun then refers back to, is about that student
        if (kept.isEmpty()) for (Hit h : hits) if (wordLike(h) && NameContext.opensANoteAboutThem(s, h.start(), h.end())) kept = List.of(h);
        List<Mention> mentions = new ArrayList<>();
        for (Hit h : kept) mentions.add(resolve(h, senderId));
        mentions.addAll(Collectives.find(s, tiers.menteesOf(senderId), mentions));
        mentions.addAll(unknownNames.find(s, senderId, mentions));
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    private List<Hit> allHits(String s) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (!formIndex.startsWord(s, i)) continue;   // most offsets start no name: skip them before making the callback
            final int start = i;
            formIndex.matchesAt(s, i, (fs, end) -> {
                if (end - start < 2) return;
                if (s.startsWith("老师", end)) return;                 // a teacher, not a student
                String sub = s.substring(start, end);
                if (sub.endsWith("同学") && start > 0 && "任如为几奈".indexOf(s.charAt(start - 1)) >= 0) return; // 任何同学
                if (chineseNames.insideLongerWord(s, start, end)) return;   // 谢天 in 谢天谢地, 常青 in 常青树
                if (insideTeacherName(s, start, end)) return;
                hits.add(new Hit(start, end, sub, fs));
            });
        }
        return hits;
    }

    /** The span is a strict part of a teacher's full name written there (泽仁 of 泽仁邓珠, 扎西 of 普布扎西). */
    private boolean insideTeacherName(String s, int start, int end) {
        for (int len : teacherNameLengths) {
            if (len <= end - start) continue;
            for (int i = Math.max(0, end - len); i <= start && i + len <= s.length(); i++) if (teacherNames.contains(s.substring(i, i + len))) return true;
        }
        return false;
    }

    private static boolean inTitle(String s, int start, int end) {
        int open = s.lastIndexOf('《', start);
        return open >= 0 && s.lastIndexOf('》', start) < open && s.indexOf('》', open) >= end;
    }

    /** Longest match wins; among equals, the earlier one. */
    private static List<Hit> settle(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::start));
        List<Hit> chosen = new ArrayList<>();
        for (Hit h : sorted) {
            boolean overlaps = chosen.stream().anyMatch(c -> h.start() < c.end() && c.start() < h.end());
            if (!overlaps) chosen.add(h);
        }
        chosen.sort(Comparator.comparingInt(Hit::start));
        return chosen;
    }

    private boolean wordLike(Hit h) {
        return chineseNames.isWord(h.surface()) || grammarNickname(h);
    }

    /** Grammar's own characters: after 小 they make a degree or a phrase (声音小到听不见, 小的时候), not a nickname. */
    private static final String GRAMMAR_CHARS = "到的了得地在是着过和跟与于就都也还又把被给让向从对时";

    /** 小到 for 周到: a 小 + last-char nickname whose last char is grammar's counts only where a name stands. */
    private static boolean grammarNickname(Hit h) {
        return h.forms().stream().allMatch(f -> f.type() == FormType.XIAO_LAST) && GRAMMAR_CHARS.indexOf(h.surface().charAt(h.surface().length() - 1)) >= 0;
    }

    /**
     * Word-like hits survive only in name context. A list context (王子轩、明明) depends on the
     * neighbours being names, so we iterate until nothing changes.
     */
    private List<Hit> keepInNameContext(String s, List<Hit> hits) {
        List<Hit> kept = new ArrayList<>();
        List<Hit> pending = new ArrayList<>();
        for (Hit h : hits) (wordLike(h) || NameContext.inDoubling(s, h.start(), h.end()) || NameContext.diminutiveOfANoun(s, h.start(), h.end())
                || NameContext.degreeAfter(s, h.end()) ? pending : kept).add(h);
        boolean changed = true;
        while (changed && !pending.isEmpty()) {
            changed = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Hit h = it.next();
                if (NameContext.isNameContext(s, h.start(), h.end(), kept.stream().map(k -> new int[]{k.start(), k.end()}).toList())
                        || establishedAtClauseStart(s, h, kept)) {
                    kept.add(h);
                    it.remove();
                    changed = true;
                }
            }
        }
        // a name the rules left unread stands where the word-name model is sure a person stands (安宁在宿舍让几个人围着)
        for (Hit h : pending) if (h.forms().stream().anyMatch(f -> f.type() == FormType.FULL || f.type() == FormType.GIVEN)
                && WordNameModel.person(s, h.start(), h.end())) kept.add(h);
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    /**
     * A word-like name already read as a name elsewhere in the note (李想、王国和高兴…) is a name
     * again when it opens a clause (…；高兴情绪不错).
     */
    private static boolean establishedAtClauseStart(String s, Hit h, List<Hit> kept) {
        boolean opens = h.start() == 0 || Clauses.isClauseBreak(s, h.start() - 1) || s.charAt(h.start() - 1) == ' ';
        if (!opens) return false;
        for (Hit k : kept) if (k.surface().equals(h.surface())) return true;
        return false;
    }

    private Mention resolve(Hit h, String senderId) {
        // a full name outranks nicknames that happen to coincide with it, not the part a long name is called by: 卓玛 is one
        // student's whole name and what 次仁卓玛 is called, and the tiers decide
        boolean full = h.forms().stream().anyMatch(f -> f.type() == FormType.FULL)
                && h.forms().stream().noneMatch(f -> f.type() == FormType.GIVEN && calledByAPart.contains(f.studentId()));
        Set<String> ids = new LinkedHashSet<>();
        for (Form f : h.forms()) if (!full || f.type() == FormType.FULL) ids.add(f.studentId());
        boolean surnameOnly = h.forms().stream().allMatch(f -> f.type() == FormType.SURNAME_TONGXUE || f.type() == FormType.XIAO_SURNAME);
        List<String> tier = surnameOnly ? tiers.narrowSurname(senderId, ids) : tiers.narrow(senderId, ids);
        return new Mention(h.start(), h.end(), h.surface(), tier,
                tier.size() == 1 ? Mention.How.RESOLVED : Mention.How.AMBIGUOUS);
    }
}
