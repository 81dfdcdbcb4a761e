/**
 * The settings and plumbing of one shell process: its home folder, environments, the debug channel and
 * its redactor, the prompter, cancellation, and the files it reads and writes (owner-only). Depends only
 * on {@code errors}; never on MSAL, OkHttp or JLine.
 */
package dev.entrashell.session;
