package dev.entrashell.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;

import dev.entrashell.errors.ShellException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.gson.GsonRuntime;

/**
 * {@code --query}: a JMESPath expression, as in {@code az} and {@code m365}, applied to the items of a
 * collection (or to the object) before formatting.
 */
final class JmesQuery {
    private final String text;
    private final Expression<JsonElement> expression;

    private JmesQuery(String text, Expression<JsonElement> expression) {
        this.text = text;
        this.expression = expression;
    }

    static JmesQuery compile(String text) {
        try {
            return new JmesQuery(text, new GsonRuntime().compile(text));
        } catch (RuntimeException e) {
            throw ShellException.usage("--query '" + text + "' is not a JMESPath expression: " + e.getMessage());
        }
    }

    String text() {
        return text;
    }

    JsonElement search(JsonElement input) {
        JsonElement result = expression.search(input);
        return result == null ? JsonNull.INSTANCE : result;
    }
}
