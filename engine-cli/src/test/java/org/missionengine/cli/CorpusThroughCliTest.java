package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * No user mistake in the corpora of bad portfolios (engine-api's bad-portfolios, engine-drools'
 * bad-portfolios-at-evaluation) produces a stack trace or exit 3: {@code mission-eval evaluate} over all the files of a
 * corpus exits with 2 and prints exactly each file's expected message, file first, every problem of every file at
 * once.
 */
class CorpusThroughCliTest {
    static final Path READ_CORPUS = Path.of("..", "engine-api", "src", "test", "resources", "bad-portfolios");
    static final Path EVALUATION_CORPUS = Path.of("..", "engine-drools", "src", "test", "resources",
            "bad-portfolios-at-evaluation");

    /** file name → expected lines; a line of a file's later problems starts with a tab in the first column. */
    static Map<String, String> expected(Path dir) {
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("expected-messages.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts[0].isEmpty()) {
                    String last = new ArrayList<>(expected.keySet()).get(expected.size() - 1);
                    expected.put(last, expected.get(last) + "\n" + parts[1]);
                } else {
                    expected.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    /** The expected stderr of one run over every file of a corpus: each file's problems, in the order given. */
    static String expectedErr(Path dir, Map<String, String> expected, boolean fileInMessage) {
        StringBuilder sb = new StringBuilder();
        expected.forEach((file, message) -> {
            String shown = dir.resolve(file).toString();
            for (String line : message.split("\n")) {
                sb.append(fileInMessage ? shown + line.substring(file.length()) : shown + ": " + line).append('\n');
            }
        });
        return sb.toString().strip();
    }

    static String[] evaluate(Path dir, Map<String, String> expected) {
        List<String> args = new ArrayList<>(List.of("evaluate"));
        expected.keySet().forEach(file -> args.add(dir.resolve(file).toString()));
        return args.toArray(String[]::new);
    }

    /** One run over all 88 files: exit 2, every file's exact problems (all at once, in order), no stack trace. */
    @Test
    void everyFileTheReaderRefusesEndsInExitTwoWithItsExactMessage() {
        Map<String, String> expected = expected(READ_CORPUS);

        Cli.Result r = Cli.run(evaluate(READ_CORPUS, expected));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo(expectedErr(READ_CORPUS, expected, true));
        assertThat(r.err()).doesNotContain("\tat ", "Exception", "internal error");
    }

    @Test
    void everyFileTheEngineRefusesEndsInExitTwoWithItsExactMessage() {
        Map<String, String> expected = expected(EVALUATION_CORPUS);

        Cli.Result r = Cli.run(evaluate(EVALUATION_CORPUS, expected));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err().strip()).isEqualTo(expectedErr(EVALUATION_CORPUS, expected, false));
        assertThat(r.err()).doesNotContain("\tat ", "Exception", "internal error");
    }

    /** And one file at a time, as a user would run them. */
    @Test
    void aSingleBadFileEndsInExitTwoWithItsMessage() {
        Path file = READ_CORPUS.resolve("duplicate-key.json");

        Cli.Result r = Cli.run("evaluate", file.toString(), "--format", "json");

        assertThat(r.exitCode()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err().strip()).isEqualTo(file + ":56:14: the key \"title\" appears twice in missions[0]. Keep "
                + "one of them: a second value would silently replace the first.");
    }

    @Test
    void theCorporaAreThere() {
        assertThat(expected(READ_CORPUS)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(expected(EVALUATION_CORPUS)).isNotEmpty();
    }
}
