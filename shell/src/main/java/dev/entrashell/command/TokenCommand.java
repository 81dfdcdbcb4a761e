package dev.entrashell.command;

import java.io.PrintWriter;
import java.time.Duration;

import com.google.gson.JsonObject;

import dev.entrashell.auth.AccessToken;
import dev.entrashell.auth.TokenClaims;
import dev.entrashell.output.Json;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "token",
        description = "Show the current access token's header and claims, decoded (--raw: the token itself, a secret).")
final class TokenCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Option(
            names = "--raw",
            description =
                    "Print the raw access token, for another tool. Anyone who has it can act as the app until it expires.")
    boolean raw;

    private final ShellServices services;

    TokenCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        AccessToken token = services.session().require().tokens().token();
        PrintWriter out = services.output().out();
        if (raw) {
            services.output()
                    .warn("This is a secret: anyone who has it can call Graph as this app until " + token.expiresOn()
                            + ". Do not paste it into tickets or chats.");
            out.println(token.value());
            return;
        }
        TokenClaims claims = token.claims();
        JsonObject decoded = new JsonObject();
        decoded.add("header", claims.header());
        decoded.add("claims", claims.payload());
        out.println(Json.pretty(decoded));
        Duration left = Duration.between(services.clock().instant(), token.expiresOn());
        services.output()
                .err()
                .println("Expires " + token.expiresOn() + " (in " + Math.max(0, left.toMinutes()) + " min); "
                        + "the shell renews it before then.");
    }
}
