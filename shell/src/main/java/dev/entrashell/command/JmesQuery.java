package dev.entrashell.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;

import dev.entrashell.ShellException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.gson.GsonRuntime;

/**
 * {@code --query}: a JMESPath expression, as in {@code az} and {@code m365}, applied to the items of a
 * collection (or to the object) before formatting.
 */
final class JmesQuery {
    private final Expression<JsonElement> expression;

    private JmesQuery(Expression<JsonElement> expression) {
        this.expression = expression;
    }

    static JmesQuery compile(String text) {
        try {
            return new JmesQuery(new GsonRuntime().compile(text));
        } catch (RuntimeException e) {
            throw ShellException.usage("--query '" + text + "' is not a JMESPath expression: " + e.getMessage());
        }
    }

    JsonElement search(JsonElement input) {
        JsonElement result = expression.search(input);
        return result == null ? JsonNull.INSTANCE : result;
    }
}
