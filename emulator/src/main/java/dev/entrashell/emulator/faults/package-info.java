/**
 * Servers that misbehave on purpose: the Graph faults a client must survive (links and redirects that
 * leave the endpoint, bodies that trickle, answers that never end the paging) and a bystander server
 * that must never be reached. For testing clients, never on in the demo.
 */
package dev.entrashell.emulator.faults;
