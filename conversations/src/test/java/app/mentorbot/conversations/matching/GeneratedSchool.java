package app.mentorbot.conversations.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A school made up from a seed: classes, mentors teaching some of them, students with tags, bands and choices. */
record GeneratedSchool(List<MatchStudent> students, List<MatchMentor> mentors) {
    static final List<String> TAGS = List.of("家境贫寒", "行为不良", "心理封闭", "学习困难", "父母离异");

    /** Knobs of a made-up school. */
    record Shape(int classes, int mentors, int students, int minCapacity, int maxCapacity, int maxChoices,
                 double taggedShare, boolean taggedStudentsChoose) {}

    static GeneratedSchool make(long seed, Shape shape) {
        Random r = new Random(seed);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < shape.classes(); c++) classes.add("C" + c);
        List<String> mentorIds = new ArrayList<>();
        List<Set<String>> taught = new ArrayList<>();
        for (int m = 0; m < shape.mentors(); m++) {
            mentorIds.add("T" + m);
            Set<String> cs = new HashSet<>();
            cs.add(classes.get(m % classes.size())); // every class has a teacher
            for (int k = r.nextInt(3); k > 0; k--) cs.add(classes.get(r.nextInt(classes.size())));
            taught.add(cs);
        }
        List<MatchStudent> students = new ArrayList<>();
        for (int s = 0; s < shape.students(); s++) {
            String classId = classes.get(r.nextInt(classes.size()));
            Set<String> tags = new HashSet<>();
            if (r.nextDouble() < shape.taggedShare()) tags.add(TAGS.get(r.nextInt(TAGS.size())));
            Band band = r.nextInt(5) == 0 ? null : Band.values()[r.nextInt(Band.values().length)];
            List<String> choices = new ArrayList<>();
            if (tags.isEmpty() || shape.taggedStudentsChoose()) {
                for (int k = r.nextInt(shape.maxChoices() + 1); k > 0; k--) {
                    String m = mentorIds.get(r.nextInt(mentorIds.size()));
                    if (!choices.contains(m)) choices.add(m);
                }
            }
            students.add(new MatchStudent("S" + s, classId, tags, band, choices));
        }
        List<MatchMentor> mentors = new ArrayList<>();
        for (int m = 0; m < shape.mentors(); m++) {
            List<String> preferred = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) preferred.add(students.get(r.nextInt(students.size())).id());
            int capacity = shape.minCapacity() + r.nextInt(shape.maxCapacity() - shape.minCapacity() + 1);
            mentors.add(new MatchMentor(mentorIds.get(m), taught.get(m), capacity, preferred.stream().distinct().toList()));
        }
        return new GeneratedSchool(students, mentors);
    }

    int seats() {
        return mentors.stream().mapToInt(MatchMentor::capacity).sum();
    }
}
