package dev.entrashell.command;

import java.util.Optional;

import com.google.gson.JsonElement;

import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphPermissionMap;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Prompter;

/**
 * Asks the person at the terminal before a delete, naming the object by its displayName when a GET of it
 * can tell (a user, a group, an app), else by its path. Only a terminal asks: -c lines, scripts and
 * piped input delete as told, as {@code Remove-MgGroup} does without {@code -Confirm}.
 */
final class DeleteConfirmation {
    private final ShellServices services;

    DeleteConfirmation(ShellServices services) {
        this.services = services;
    }

    /** Whether to go ahead: yes without asking when nobody can be asked, else what the person answers. */
    boolean confirmed(String target) {
        Prompter prompter = services.prompter();
        if (!prompter.canReadLines()) {
            return true;
        }
        services.session().require(); // not connected: say so, rather than ask about a delete that cannot run
        String what = displayName(target)
                .map(name -> "'" + name + "' (" + target + ")")
                .orElse(target);
        String answer;
        try {
            answer = prompter.readLine("Delete " + what + "? [y/N] ");
        } catch (InterruptedException e) {
            answer = null;
        }
        boolean yes = answer != null
                && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        if (!yes) {
            services.output().warn("Not deleted.");
        }
        return yes;
    }

    /** The object's displayName, when it has one and may be read; nothing otherwise (a $ref, a 403). */
    private Optional<String> displayName(String target) {
        if (target.contains("?") || target.endsWith("/$ref")) {
            return Optional.empty();
        }
        try {
            GraphClient client =
                    new GraphClient(services.session().require(), services.cancellation(), GraphPermissionMap.load());
            JsonElement body = client.send(GraphRequest.get(target + "?$select=displayName"))
                    .json();
            JsonElement name = body.isJsonObject() ? body.getAsJsonObject().get("displayName") : null;
            return name == null || !name.isJsonPrimitive() ? Optional.empty() : Optional.of(name.getAsString());
        } catch (ShellException cannotTell) {
            return Optional.empty();
        }
    }
}
