package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.HashMap;
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
 * offered back as a candidate. Both sides go through the same HanLP conversion, so a polyphonic
 * char read "wrongly" is still read the same way on both sides.
 */
final class Homophones {
    private final Map<String, Set<String>> byName = new HashMap<>();
    private final Map<String, Set<String>> bySurname = new HashMap<>();
    /** Full names of three chars or more: a same-sounding run that long is a name even without context. */
    private final Map<String, Set<String>> byLongName = new HashMap<>();

    Homophones(Roster roster) {
        for (Student s : roster.students()) {
            String full = s.name().strip();
            if (full.length() < 2) continue;
            int sl = ChineseNames.surnameLength(full);
            byName.computeIfAbsent(sound(full), k -> new LinkedHashSet<>()).add(s.id());
            if (full.length() >= 3) byLongName.computeIfAbsent(sound(full), k -> new LinkedHashSet<>()).add(s.id());
            if (full.length() - sl >= 2) byName.computeIfAbsent(sound(full.substring(sl)), k -> new LinkedHashSet<>()).add(s.id());
            bySurname.computeIfAbsent(sound(full.substring(0, sl)), k -> new LinkedHashSet<>()).add(s.id());
        }
    }

    Set<String> soundingLike(String name) {
        return byName.getOrDefault(sound(name), Set.of());
    }

    Set<String> longNameSoundingLike(String chars) {
        return byLongName.getOrDefault(sound(chars), Set.of());
    }

    Set<String> surnameSoundingLike(String surname) {
        return bySurname.getOrDefault(sound(surname), Set.of());
    }

    static String sound(String chars) {
        List<String> parts = new ArrayList<>();
        List<Pinyin> pys = HanLP.convertToPinyinList(chars);
        for (int i = 0; i < pys.size(); i++) {
            Pinyin p = pys.get(i);
            String t = p == null || p == Pinyin.none5 ? String.valueOf(chars.charAt(Math.min(i, chars.length() - 1))) : p.getPinyinWithoutTone();
            parts.add(t);
        }
        return String.join(" ", parts);
    }
}
