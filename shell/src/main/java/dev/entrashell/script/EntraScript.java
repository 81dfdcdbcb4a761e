package dev.entrashell.script;

import java.util.List;
import java.util.Map;

import groovy.lang.Script;

/**
 * The base class of every script: the binding functions of CLI.md ({@code get}, {@code post},
 * {@code put}, {@code patch}, {@code delete}, {@code all}, {@code batch}, {@code shell}, {@code exit}).
 * The variables ({@code graph}, {@code context}, {@code args}, {@code out}, {@code err}) come from the
 * {@link ScriptBinding}.
 */
public abstract class EntraScript extends Script {
    private ScriptApi api() {
        return ((ScriptBinding) getBinding()).api();
    }

    /**
     * GET a path (or a URL on the Graph endpoint) and return its JSON as Maps and Lists. Not
     * {@code get(String)}: Groovy takes that as the getter of every unknown property, and a misspelt
     * variable (or {@code $select} in a double-quoted string) would become a Graph request.
     */
    public Object get(CharSequence path) {
        return api().request("GET", path.toString(), null);
    }

    public Object post(String path) {
        return api().request("POST", path, null);
    }

    /** POST a body: a Map or List (sent as JSON) or a String of JSON. */
    public Object post(String path, Object body) {
        return api().request("POST", path, body);
    }

    public Object put(String path, Object body) {
        return api().request("PUT", path, body);
    }

    public Object patch(String path, Object body) {
        return api().request("PATCH", path, body);
    }

    public Object delete(String path) {
        return api().request("DELETE", path, null);
    }

    /** Every item of every page of a collection, fetched lazily as the loop goes. */
    public Iterable<Object> all(String path) {
        return api().all(path);
    }

    /** Sends requests in {@code $batch} calls of up to 20; returns the responses by id. */
    public Map<String, Object> batch(List<?> requests) {
        return api().batch(requests);
    }

    /**
     * The connection saved or live under {@code name}, connected the saved way if it is not live yet, with
     * the same {@code get/post/put/patch/delete/all/batch} and {@code context}. The shell's active
     * connection does not change.
     */
    public ScriptConnection connection(String name) {
        return new ScriptConnection(api().on(api().live(name)));
    }

    /** The names of the saved connections, in the order they were saved. */
    public List<String> connections() {
        return api().savedNames();
    }

    /** Makes {@code name} this script's default connection: the plain calls, {@code context} and {@code graph}. */
    public void use(String name) {
        ((ScriptBinding) getBinding()).use(name);
    }

    /** Runs a shell command line (such as {@code connect --env}) and returns its exit code. */
    public int shell(String line) {
        return api().shell(line);
    }

    /** Ends the script with this exit code. */
    public void exit(int code) {
        throw new ScriptExit(code);
    }
}
