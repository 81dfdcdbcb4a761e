package dev.entrashell.emulator.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.google.gson.stream.JsonWriter;

/** A streaming JSON writer into a byte array: explicit nulls, no HTML escaping, compact. */
final class ByteArrayJson {
    private final ByteArrayOutputStream bytes;
    private final Writer text;
    private final JsonWriter writer;

    ByteArrayJson() {
        this(1024);
    }

    ByteArrayJson(int size) {
        this.bytes = new ByteArrayOutputStream(Math.max(256, size));
        this.text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
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
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
