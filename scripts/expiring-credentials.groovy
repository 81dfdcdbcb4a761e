/*
 * expiring-credentials.groovy DAYS
 *
 * The rotation check: every app registration's certificates and client secrets that expire within
 * DAYS days, soonest first, with the credential's type, key id and end date; then a count of those
 * already expired. Run it from cron and mail the output to whoever rotates credentials.
 *
 * Application roles: Application.Read.All (or Directory.Read.All).
 * Arguments:         DAYS  how many days ahead to look (default 30).
 * Example:           run expiring-credentials 30
 */
import java.time.Duration
import java.time.Instant

int days = args ? args[0] as int : 30
Instant now = Instant.now()
Instant horizon = now + Duration.ofDays(days)

def soon = []
def expired = []
for (app in all('/applications?$select=id,appId,displayName,keyCredentials,passwordCredentials&$top=999')) {
    def credentials = app.keyCredentials.collect { [type: 'Certificate', key: it] } +
            app.passwordCredentials.collect { [type: 'Secret', key: it] }
    for (credential in credentials) {
        def key = credential.key
        if (!key.endDateTime) {
            continue
        }
        Instant end = Instant.parse(key.endDateTime)
        def row = [app: app.displayName, appId: app.appId, type: credential.type, keyId: key.keyId,
                   name: key.displayName ?: '', end: end, days: Duration.between(now, end).toDays()]
        if (end.isBefore(now)) {
            expired << row
        } else if (end.isBefore(horizon)) {
            soon << row
        }
    }
}

// Nothing to report writes nothing to standard output, so `| mail -E` sends no mail that day.
if (!soon) {
    err.println "No certificate or secret expires within $days days."
} else {
    out.println "${soon.size()} credential${soon.size() == 1 ? '' : 's'} expire${soon.size() == 1 ? 's' : ''} within $days days:"
    out.println String.format('%-20s  %5s  %-11s  %-36s  %-30s  %s', 'End (UTC)', 'Days', 'Type', 'Key id', 'Application', 'Name')
    for (row in soon.sort { it.end }) {
        out.println String.format('%-20s  %5d  %-11s  %-36s  %-30s  %s',
                row.end.toString(), row.days, row.type, row.keyId, row.app, row.name)
    }
}
if (expired) {
    def apps = expired.collect { it.app }.unique().sort()
    out.println "${expired.size()} already expired (in ${apps.join(', ')}): remove them from the registrations."
}
