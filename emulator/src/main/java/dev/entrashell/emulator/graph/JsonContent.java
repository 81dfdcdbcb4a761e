package dev.entrashell.emulator.graph;

import java.io.IOException;

import com.google.gson.stream.JsonWriter;

/** A JSON body written straight to the response, without building a tree first. */
@FunctionalInterface
public interface JsonContent {
    void write(JsonWriter out) throws IOException;
}
