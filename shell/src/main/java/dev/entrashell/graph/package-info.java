/**
 * Microsoft Graph requests over a connection: URLs on its endpoint, paging through next links (checked
 * before each is followed), Graph errors in one line with the roles a 403 needs, and path completion.
 * Depends on {@code auth}, {@code net}, {@code session} and {@code errors}; never on the commands.
 */
package dev.entrashell.graph;
