package dev.entrashell.emulator.graph.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTest {

    @Test
    void splitsWordsAtSpacesSymbolsDigitsAndCaseChanges() {
        assertThat(Search.tokens("hello world")).containsExactly("hello", "world");
        assertThat(Search.tokens("HelloWorld")).containsExactly("hello", "world");
        assertThat(Search.tokens("HELLOworld")).containsExactly("helloworld");
        assertThat(Search.tokens("hello.world")).containsExactly("hello", "world", "helloworld");
        assertThat(Search.tokens("hello123world")).containsExactly("hello", "123", "world");
        assertThat(Search.tokens("李四(David Li)")).contains("李四", "david", "li");
        assertThat(Search.tokensMatch("李四(David Li)", "Li 李")).isTrue();
    }

    @Test
    void matchesWhenEveryWordStartsAWordOfTheValue() {
        assertThat(Search.tokensMatch("Adele Vance", "ade")).isTrue();
        assertThat(Search.tokensMatch("Adele Vance", "vance adele")).isTrue();
        assertThat(Search.tokensMatch("Adele Vance", "dele")).isFalse();
        assertThat(Search.tokensMatch("One Video Team", "OneVideo")).isTrue();
        assertThat(Search.tokensMatch("hello-world", "helloworld")).isTrue();
    }
}
