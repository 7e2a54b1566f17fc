package app.mentorbot.conversations.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The word lists the note reader works from: topic words, flag words, channel words, parent
 * words, surnames, names that are also everyday words. They ship as UTF-8 text files under
 * {@code understanding/} on the classpath (one entry a line, {@code #} starts a comment), and a
 * school can add entries of its own from a folder of files with the same names
 * ({@link #withAdditions(Path)}): entries are ADDED to the built-in ones, never replace them.
 *
 * <p>An entry is a literal word. A line starting with {@code re:} is a Java regular expression;
 * the built-in files use that for the few entries that need structure (数学…差, 丧父/丧母).
 *
 * <p>Immutable; the compiled alternation of each list is built once and shared, so one lexicon
 * serves every reader and thread. {@link #builtIn()} is loaded once per JVM.
 */
public final class Lexicon {
    /** Every list the reader knows, by file name without ".txt". */
    static final List<String> NAMES = List.of(
            "topic-thought", "topic-academic", "topic-psych", "topic-life", "topic-career",
            "flag-academic", "flag-self-harm", "flag-safety", "flag-family", "flag-psych", "flag-mood",
            "flag-lasting", "flag-marked", "flag-theme",
            "channel-online", "channel-home-visit", "channel-phone", "channel-in-person",
            "parent-words", "surnames", "names-that-are-words",
            "situation-end", "situation-farewell", "situation-means", "situation-body", "situation-cut", "situation-wound",
            "situation-sleeves", "situation-injury", "situation-conflict", "situation-force", "situation-accident",
            "situation-coerce", "situation-valuables", "situation-humiliate", "situation-crowd", "situation-absent",
            "situation-unreachable", "situation-benign-absence", "situation-fear", "situation-game", "situation-threat",
            "situation-evasive", "dialect", "dialect-cantonese", "dialect-cantonese-markers");

    private static final String RESOURCE_DIR = "/understanding/";
    private static final String REGEX_PREFIX = "re:";

    private final Map<String, List<String>> lists;
    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();
    private final Map<String, Cues> cues = new ConcurrentHashMap<>();
    /** The literal words of every list searched as {@link Cues}, in one trie. */
    private final CueIndex index = new CueIndex();
    private final Map<String, Set<String>> sets = new ConcurrentHashMap<>();
    private volatile List<String> compoundSurnames;

    private Lexicon(Map<String, List<String>> lists) {
        this.lists = lists;
    }

    private static final class BuiltIn {
        static final Lexicon INSTANCE = loadBuiltIn();
    }

    /** The lists shipped with the reader. */
    public static Lexicon builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The built-in lists plus the entries of {@code folder}/*.txt, file by file (topic-life.txt adds
     * to topic-life). A missing folder adds nothing; a file whose name the reader does not know, or
     * a {@code re:} entry that does not compile, fails at once with the file and line named.
     */
    public static Lexicon withAdditions(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Lexicon base = builtIn();
        if (!Files.isDirectory(folder)) return base;
        Map<String, List<String>> lists = new LinkedHashMap<>();
        base.lists.forEach((k, v) -> lists.put(k, new ArrayList<>(v)));
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            name = name.substring(0, name.length() - 4);
            if (!lists.containsKey(name)) {
                throw new IllegalArgumentException("unknown lexicon file " + file + "; known names: " + NAMES);
            }
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                lists.get(name).addAll(parse(r, file.toString(), name));
            }
        }
        return new Lexicon(freeze(lists));
    }

    /** The entries of one list, built-in first, in file order (a {@code re:} entry keeps its prefix). */
    public List<String> entries(String name) {
        List<String> l = lists.get(name);
        if (l == null) throw new IllegalArgumentException("unknown lexicon list " + name + "; known names: " + NAMES);
        return l;
    }

    /** The list as a set of literal words (re: entries left out), for exact look-ups. */
    Set<String> words(String name) {
        return sets.computeIfAbsent(name, n -> {
            Set<String> s = new LinkedHashSet<>();
            for (String e : entries(n)) if (!e.startsWith(REGEX_PREFIX)) s.add(e);
            return Set.copyOf(s);
        });
    }

    /** Length of the surname at the start of a full name: 2 for a compound surname of the list (欧阳晓雨, 司马南), else 1. */
    public int surnameLength(String fullName) {
        if (fullName.length() >= 3) {
            for (String c : compoundSurnames()) if (fullName.startsWith(c)) return c.length();
        }
        return 1;
    }

    private List<String> compoundSurnames() {
        List<String> c = compoundSurnames;
        if (c == null) compoundSurnames = c = words("surnames").stream().filter(x -> x.length() >= 2).toList(); // the same list from any thread
        return c;
    }

    /** The list ready for searching (literal words in a trie, re: entries as one regex); built once. */
    Cues cues(String name) {
        return cues.computeIfAbsent(name, n -> new Cues(entries(n), REGEX_PREFIX, index));
    }

    /** The list as one alternation, in file order: literal words quoted, re: entries as written. */
    Pattern pattern(String name) {
        return compiled.computeIfAbsent(name, n -> Pattern.compile(alternation(n)));
    }

    /** The alternation source of a list, to embed in a larger pattern (wrapped in a non-capturing group). */
    String alternation(String name) {
        StringBuilder sb = new StringBuilder("(?:");
        boolean first = true;
        for (String e : entries(name)) {
            if (!first) sb.append('|');
            first = false;
            sb.append(e.startsWith(REGEX_PREFIX) ? e.substring(REGEX_PREFIX.length()) : Pattern.quote(e));
        }
        if (first) sb.append("(?!)");   // an empty list matches nothing
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- loading

    private static Lexicon loadBuiltIn() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String name : NAMES) {
            String resource = RESOURCE_DIR + name + ".txt";
            try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing built-in lexicon " + resource);
                lists.put(name, parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Lexicon(freeze(lists));
    }

    private static List<String> parse(BufferedReader r, String source, String list) throws IOException {
        boolean pairs = list.equals("dialect") || list.equals("dialect-cantonese");
        List<String> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (n == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            int hash = line.indexOf('#');
            if (hash >= 0 && !line.startsWith(REGEX_PREFIX)) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            if (line.startsWith(REGEX_PREFIX)) {
                try {
                    Pattern.compile(line.substring(REGEX_PREFIX.length()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(source + ":" + n + ": bad regular expression: " + e.getDescription(), e);
                }
            }
            if (pairs && Dialect.problem(line) != null) {
                throw new IllegalArgumentException(source + ":" + n + ": " + Dialect.problem(line) + ": " + line);
            }
            if (!out.contains(line)) out.add(line);
        }
        return out;
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> lists) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, List.copyOf(new LinkedHashSet<>(v))));
        return Map.copyOf(out);
    }
}
