package dev.entrashell.emulator.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlEncodedFormTest {

    @Test
    void decodesValuesAndKeepsRepeatedNamesInOrder() {
        var form = UrlEncodedForm.parse("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&a=1+2&a=%7E&empty=&flag");

        assertThat(form.get("scope")).containsExactly("https://graph.microsoft.com/.default");
        assertThat(form.get("a")).containsExactly("1 2", "~");
        assertThat(form.get("empty")).containsExactly("");
        assertThat(form.get("flag")).containsExactly("");
        assertThat(UrlEncodedForm.parse(null)).isEmpty();
    }

    @Test
    void refusesBrokenEscapes() {
        assertThatThrownBy(() -> UrlEncodedForm.parse("a=%G1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsPlusInPathSegments() {
        assertThat(UrlEncodedForm.decodePathSegment("a+b%23EXT%23")).isEqualTo("a+b#EXT#");
        assertThat(List.of(UrlEncodedForm.decodePathSegment("x%2Fy"))).containsExactly("x/y");
    }
}
