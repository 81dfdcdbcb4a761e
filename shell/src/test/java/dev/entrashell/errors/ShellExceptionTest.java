package dev.entrashell.errors;

import org.junit.jupiter.api.Test;

import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;

/** A message made of the shell's own words and outside values is redacted value by value. */
class ShellExceptionTest {
    @Test
    void onlyTheValuesOfATemplateAreRedacted() {
        Redactor redactor = new Redactor();
        redactor.register("file"); // a wrong password that is an ordinary word
        ShellException failure = ShellException.of(
                "Cannot open {}: the password is wrong. Check the file given to --password-file ({}).",
                "/x/file.pfx",
                "file");
        assertThat(failure.shownMessage(redactor::redact))
                .isEqualTo("Cannot open /x/***.pfx: the password is wrong. Check the file given to --password-file "
                        + "(***).");
        assertThat(new ShellException("Check the file given to --password-file: file").shownMessage(redactor::redact))
                .as("without a template any word may be a value: all of it is redacted")
                .isEqualTo("Check the *** given to --password-file: ***");
    }
}
