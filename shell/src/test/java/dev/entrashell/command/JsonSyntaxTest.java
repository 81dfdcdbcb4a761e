package dev.entrashell.command;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a typed body breaks, in the user's words, at the column of the fault itself. */
class JsonSyntaxTest {
    private static String problem(String json) {
        Optional<JsonSyntax.Problem> problem = JsonSyntax.check(json);
        assertThat(problem).as(json).isPresent();
        JsonSyntax.Problem p = problem.get();
        return p.line() + ":" + p.column() + " " + p.reason();
    }

    @Test
    void validJsonPasses() {
        for (String json : new String[] {
            "{}", "[]", " {\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\\\\\"], \"b\": {}} ", "\"text\"", "0"
        }) {
            assertThat(JsonSyntax.check(json)).as(json).isEmpty();
        }
    }

    @Test
    void namesTheFaultAndItsPlace() {
        assertThat(problem("{bad json")).isEqualTo("1:2 the name bad is not in double quotes");
        assertThat(problem("{'a': 1}")).isEqualTo("1:2 the name 'a' is in single quotes; JSON takes double quotes");
        assertThat(problem("{\"a\": 1,}"))
                .isEqualTo("1:9 a comma stands before '}'; JSON allows none after the last member");
        assertThat(problem("[1,]")).isEqualTo("1:4 a comma stands before ']'; JSON allows none after the last item");
        assertThat(problem("{\"a\" 1}")).isEqualTo("1:6 a ':' is missing after the name a");
        assertThat(problem("{\"displayName\": Sales}"))
                .isEqualTo("1:17 the value of displayName is not in double quotes (text needs them; true, false, "
                        + "null and numbers do not)");
        assertThat(problem("{\n  \"a\": 1\n  \"b\": 2\n}"))
                .isEqualTo("3:3 a ',' or '}' is missing after the value of a");
        assertThat(problem("{\"a\": [1, 2}")).isEqualTo("1:12 a ',' or ']' is missing after the value of a[1]");
        assertThat(problem("{\"a\": {\"b\": [")).isEqualTo("1:14 the JSON ends where the value of a.b[0] should be");
        assertThat(problem("{\"a\": 1"))
                .isEqualTo("1:8 the JSON ends before the '}' that closes the '{' at line 1, column 1");
        assertThat(problem("{\"a\": 01}")).startsWith("1:7 the value of a is not a JSON number");
        assertThat(problem("{\"path\": \"C:\\Users\"}"))
                .isEqualTo("1:13 a backslash in the text of path starts no JSON escape; write \\\\ for one");
        assertThat(problem("{\"a\": \"x")).isEqualTo("1:7 the text of a has no closing double quote");
        assertThat(problem("{\"a\": 1} x")).isEqualTo("1:10 there is more after the end of the JSON value");
        assertThat(problem("[".repeat(100_000))).endsWith("it is nested deeper than 512 levels");
    }

    /** A value may be a password: the reason names its member, never quotes it. */
    @Test
    void neverQuotesAValue() {
        assertThat(problem("{\"passwordProfile\": {\"password\": hunter2}}"))
                .contains("passwordProfile.password")
                .doesNotContain("hunter2");
        assertThat(problem("{\"password\": \"hunter2\ttab\"}")).doesNotContain("hunter2");
        assertThat(problem("{\"password\": 'hunter2'}")).doesNotContain("hunter2");
    }
}
