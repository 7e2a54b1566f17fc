package app.mentorbot.conversations.modelreader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.understanding.Note;

/**
 * What the second reader costs the bot itself, beside the model's own time: building one request
 * ({@code requestBody}, a mentor with 8 mentees) and checking one answer ({@code checkAnswer}: parse,
 * strip reasoning, JSON-schema validation, ids and days). Both run on the model reader's own threads,
 * after the teacher's confirmation, so neither is on the teacher's path. Prints the request's size.
 *
 * <pre>
 * ./mvnw -B -ntp -o -q -pl conversations test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench.cp &amp;&amp; java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     org.openjdk.jmh.Main ModelReaderBenchmark
 * </pre>
 *
 * <p>Figures (2026-12-03, 2 shared cores at a load average of 13–14 from other builds, so noisy):
 * {@code requestBody} 40 ± 42 µs, {@code checkAnswer} 172 ± 222 µs; the request is 5,844 bytes
 * (prompt 3.5 kB, schema 1.4 kB, the note and 8 students the rest).
 */
@Threads(1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ModelReaderBenchmark {
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-10T15:00:00+08:00[Asia/Shanghai]");
    static final String NOTE = "张小明今天跟我说，他觉得自己是家里的累赘，要是没有他大家会轻松很多";
    static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"<think>自我否定，可能有轻生念头。</think>\\n{\\\"kind\\\":\\\"TALK\\\",\\\"talkType\\\":\\\"INDIVIDUAL\\\",\\\"channel\\\":null,"
            + "\\\"students\\\":[\\\"S01\\\"],\\\"date\\\":\\\"2026-03-10\\\",\\\"topics\\\":[\\\"PSYCH\\\"],\\\"flags\\\":[\\\"PSYCH\\\",\\\"SAFETY\\\"],"
            + "\\\"followUp\\\":null}\"},\"finish_reason\":\"stop\"}]}";

    Roster roster;
    Map<String, Student> offered;

    @Setup
    public void setUp() throws IOException {
        roster = RosterJson.read(Path.of("config/example-school.json"));
        offered = ModelRequest.offered(roster, "T01", List.of("S01"));
        if (ModelAnswer.read(ANSWER, offered.keySet(), NOW.toLocalDate()).isEmpty()) throw new IllegalStateException("answer invalid");
        System.out.println("request body: " + ModelRequest.body("qwen2.5-7b-instruct", roster, offered, NOTE, NOW)
                .getBytes(StandardCharsets.UTF_8).length + " bytes for " + offered.size() + " students offered");
    }

    @Benchmark
    public String requestBody() {
        return ModelRequest.body("qwen2.5-7b-instruct", roster, ModelRequest.offered(roster, "T01", List.of("S01")), NOTE, NOW);
    }

    @Benchmark
    public Optional<Note> checkAnswer() {
        return ModelAnswer.read(ANSWER, offered.keySet(), LocalDate.of(2026, 3, 10));
    }
}
