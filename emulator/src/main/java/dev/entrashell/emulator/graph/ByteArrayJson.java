package dev.entrashell.emulator.graph;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.google.gson.stream.JsonWriter;

/**
 * A streaming JSON writer whose result is UTF-8 bytes: explicit nulls, no HTML escaping, compact.
 * It writes into a character buffer (encoding each small write separately is far slower) and
 * encodes once at the end.
 */
final class ByteArrayJson {
    private final StringWriter text;
    private final JsonWriter writer;

    ByteArrayJson() {
        this(1024);
    }

    ByteArrayJson(int size) {
        this.text = new StringWriter(Math.max(256, size));
        this.writer = new JsonWriter(text);
        writer.setSerializeNulls(true);
        writer.setHtmlSafe(false);
    }

    JsonWriter writer() {
        return writer;
    }

    byte[] bytes() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the content and returns it as UTF-8. */
    static byte[] of(JsonContent content) {
        ByteArrayJson json = new ByteArrayJson();
        try {
            content.write(json.writer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.bytes();
    }
}
