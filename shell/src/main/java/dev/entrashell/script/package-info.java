/**
 * Groovy scripts against the session: {@code run}, Groovy mode and {@code groovy 'EXPR'}.
 *
 * <p>Layer rule: {@link dev.entrashell.script.ScriptHost} is the only class the commands use, and it has
 * no Groovy type in its fields or signatures, so building the command tree at the first prompt loads no
 * Groovy class. Everything that touches Groovy ({@code GroovySession}, {@code EntraScript},
 * {@code ScriptBinding}) or the typed Graph SDK ({@code TypedGraph}) loads when the first script runs.
 * No JLine here: Groovy mode reads its lines through the session's {@link dev.entrashell.session.Prompter}.
 */
package dev.entrashell.script;
