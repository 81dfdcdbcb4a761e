package dev.entrashell.script;

import java.io.PrintWriter;
import java.util.List;

import dev.entrashell.auth.Connection;
import groovy.lang.Binding;

/**
 * The variables of a script. {@code graph} (the typed Graph SDK client) is built the first time a
 * script uses it, for the connection of that moment; {@code context} is read afresh at each use, so it
 * follows a {@code shell('connect ...')}.
 */
final class ScriptBinding extends Binding {
    private ScriptApi api;
    private Object graph;
    private Object graphConnection;

    ScriptBinding(ScriptApi api, List<String> args) {
        this.api = api;
        PrintWriter out = api.services().output().out();
        PrintWriter err = api.services().output().err();
        setVariable("args", List.copyOf(args));
        setVariable("out", out);
        setVariable("err", err);
    }

    ScriptApi api() {
        return api;
    }

    /** {@code use('NAME')}: this script's calls, {@code context} and {@code graph} go to that connection. */
    void use(String name) {
        api = api.on(api.live(name));
    }

    void args(List<String> args) {
        setVariable("args", List.copyOf(args));
    }

    @Override
    public Object getVariable(String name) {
        if (name.equals("graph") && !super.hasVariable("graph")) {
            return graph();
        }
        if (name.equals("context") && !super.hasVariable("context")) {
            return api.context();
        }
        return super.getVariable(name);
    }

    @Override
    public boolean hasVariable(String name) {
        return name.equals("graph") || name.equals("context") || super.hasVariable(name);
    }

    private Object graph() {
        Connection connection = api.connection();
        if (graph == null || graphConnection != connection) {
            graph = TypedGraph.create(connection, api.services().cancellation());
            graphConnection = connection;
        }
        return graph;
    }
}
