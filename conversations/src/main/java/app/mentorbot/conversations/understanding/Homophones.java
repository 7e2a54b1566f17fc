package app.mentorbot.conversations.understanding;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    /**
     * First syllables of those long names, by syllable number: a run starting otherwise needs no
     * further look. The reader asks this at every offset of every note, so it is a bit test.
     */
    private final BitSet longFirst = new BitSet();
    /** Their first two syllables as pairs of numbers, sorted: checked (no boxing) before a whole key is built. */
    private final long[] longFirstTwo;

    Homophones(Roster roster, ChineseNames names) {
        Set<Long> firstTwo = new HashSet<>();
        for (Student s : roster.students()) {
            String full = s.name().strip();
            if (full.length() < 2) continue;
            int sl = names.surnameLength(full);
            byName.computeIfAbsent(sound(full), k -> new LinkedHashSet<>()).add(s.id());
            if (full.length() >= 3) {
                byLongName.computeIfAbsent(sound(full), k -> new LinkedHashSet<>()).add(s.id());
                longFirst.set(syllableId(full.charAt(0)));
                firstTwo.add(pair(full.charAt(0), full.charAt(1)));
            }
            if (full.length() - sl >= 2) byName.computeIfAbsent(sound(full.substring(sl)), k -> new LinkedHashSet<>()).add(s.id());
            bySurname.computeIfAbsent(sound(full.substring(0, sl)), k -> new LinkedHashSet<>()).add(s.id());
        }
        this.longFirstTwo = firstTwo.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    Set<String> soundingLike(String name) {
        return byName.getOrDefault(sound(name), Set.of());
    }

    /** False when no full name of 3+ chars starts with the sound of c (most chars of a note). */
    boolean mayStartLongName(char c) {
        return longFirst.get(syllableId(c));
    }

    /** Students whose full name (3+ chars) sounds like s[start, start+len); the caller checks the chars are Han. */
    Set<String> longNameSoundingLike(String s, int start, int len) {
        if (!longFirst.get(syllableId(s.charAt(start)))) return Set.of();
        if (Arrays.binarySearch(longFirstTwo, pair(s.charAt(start), s.charAt(start + 1))) < 0) return Set.of();
        StringBuilder key = new StringBuilder(syllable(s.charAt(start))).append(' ').append(syllable(s.charAt(start + 1)));
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

    /** Each char's reading as a number (same reading, same number); 0 = not looked up yet. */
    private static final int[] SYLLABLE_ID = new int[Character.MAX_VALUE + 1];
    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger LAST_ID = new AtomicInteger();

    static int syllableId(char c) {
        int known = SYLLABLE_ID[c];
        if (known != 0) return known;
        int id = IDS.computeIfAbsent(syllable(c), k -> LAST_ID.incrementAndGet());
        SYLLABLE_ID[c] = id;   // a benign race: every thread stores the same number
        return id;
    }

    private static long pair(char a, char b) {
        return ((long) syllableId(a) << 32) | syllableId(b);
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
