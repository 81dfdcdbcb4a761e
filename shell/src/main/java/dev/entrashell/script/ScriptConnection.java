package dev.entrashell.script;

import java.util.List;
import java.util.Map;

/**
 * What {@code connection('NAME')} gives a script: the script's own Graph calls, made with that
 * connection, so one script can report across tenants. {@code handle.context} is its context.
 */
public final class ScriptConnection {
    private final ScriptApi api;

    ScriptConnection(ScriptApi api) {
        this.api = api;
    }

    public Object get(CharSequence path) {
        return api.request("GET", path.toString(), null);
    }

    public Object post(String path) {
        return api.request("POST", path, null);
    }

    public Object post(String path, Object body) {
        return api.request("POST", path, body);
    }

    public Object put(String path, Object body) {
        return api.request("PUT", path, body);
    }

    public Object patch(String path, Object body) {
        return api.request("PATCH", path, body);
    }

    public Object delete(String path) {
        return api.request("DELETE", path, null);
    }

    public Iterable<Object> all(String path) {
        return api.all(path);
    }

    public Map<String, Object> batch(List<?> requests) {
        return api.batch(requests);
    }

    public Map<String, Object> getContext() {
        return api.context();
    }

    @Override
    public String toString() {
        return "connection to tenant " + api.connection().tenant();
    }
}
