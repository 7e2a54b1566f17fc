package app.mentorbot.conversations.understanding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * Roster names by their sound, tones ignored, so a voice-input slip (陈思语 for 陈思雨) can be
 * offered back as a candidate. Sound is taken char by char (each char's first reading) on both
 * sides, so a polyphonic char is read the same way in the note and in the roster, and each char's
 * reading is looked up in HanLP only once per JVM.
 */
final class Homophones {
    /** Each char's toneless reading, looked up in HanLP once per JVM; null = not looked up yet. */
    private static final String[] SYLLABLE = new String[Character.MAX_VALUE + 1];

    private final Map<String, Set<String>> byName = new HashMap<>();
    private final Map<String, Set<String>> bySurname = new HashMap<>();
    /** Full names of three chars or more: a same-sounding run that long is a name even without context. */
    private final Map<String, Set<String>> byLongName = new HashMap<>();
    /** First syllables of those long names: a run starting otherwise needs no further look. */
    private final Set<String> longFirst = new HashSet<>();
    /** Their first two syllables ("chen si"): checked before a whole key is built. */
    private final Set<String> longFirstTwo = new HashSet<>();

    Homophones(Roster roster, ChineseNames names) {
        for (Student s : roster.students()) {
            String full = s.name().strip();
            if (full.length() < 2) continue;
            int sl = names.surnameLength(full);
            byName.computeIfAbsent(sound(full), k -> new LinkedHashSet<>()).add(s.id());
            if (full.length() >= 3) {
                byLongName.computeIfAbsent(sound(full), k -> new LinkedHashSet<>()).add(s.id());
                longFirst.add(syllable(full.charAt(0)));
                longFirstTwo.add(syllable(full.charAt(0)) + ' ' + syllable(full.charAt(1)));
            }
            if (full.length() - sl >= 2) byName.computeIfAbsent(sound(full.substring(sl)), k -> new LinkedHashSet<>()).add(s.id());
            bySurname.computeIfAbsent(sound(full.substring(0, sl)), k -> new LinkedHashSet<>()).add(s.id());
        }
    }

    Set<String> soundingLike(String name) {
        return byName.getOrDefault(sound(name), Set.of());
    }

    /** Students whose full name (3+ chars) sounds like s[start, start+len); the caller checks the chars are Han. */
    Set<String> longNameSoundingLike(String s, int start, int len) {
        String first = syllable(s.charAt(start));
        if (!longFirst.contains(first)) return Set.of();
        String two = first + ' ' + syllable(s.charAt(start + 1));
        if (!longFirstTwo.contains(two)) return Set.of();
        StringBuilder key = new StringBuilder(two);
        for (int i = start + 2; i < start + len; i++) key.append(' ').append(syllable(s.charAt(i)));
        return byLongName.getOrDefault(key.toString(), Set.of());
    }

    Set<String> surnameSoundingLike(String surname) {
        return bySurname.getOrDefault(sound(surname), Set.of());
    }

    static String sound(String chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chars.length(); i++) {
            if (i > 0) sb.append(' ');
            sb.append(syllable(chars.charAt(i)));
        }
        return sb.toString();
    }

    static String syllable(char c) {
        String known = SYLLABLE[c];
        if (known != null) return known;
        List<Pinyin> pys = HanLP.convertToPinyinList(String.valueOf(c));
        Pinyin p = pys.isEmpty() ? null : pys.get(0);
        String syl = p == null || p == Pinyin.none5 ? String.valueOf(c) : p.getPinyinWithoutTone();
        SYLLABLE[c] = syl;   // a benign race: every thread computes the same value
        return syl;
    }
}
