/**
 * Servers that misbehave on purpose: the Graph faults a client must survive (links and redirects that
 * leave the endpoint, bodies that trickle, answers that never end the paging), a token endpoint that
 * fails the way a broken front end does ({@link dev.entrashell.emulator.faults.LoginFault}), and a
 * bystander server that must never be reached. For testing clients, never on in the demo.
 *
 * <p>Rule: depends on {@code http} and {@code json} only: a fault wraps or replaces a server's
 * answer, it never needs the server's own logic.
 */
package dev.entrashell.emulator.faults;
