/*
 * stale-guests.groovy DAYS
 *
 * Guest accounts that have not signed in for DAYS days, or never did: the candidates for an access
 * review or removal. Oldest sign-in first; "never" for guests with no sign-in on record.
 *
 * Application roles: User.Read.All and AuditLog.Read.All (signInActivity needs the second).
 * Arguments:         DAYS  days without a sign-in (default 90).
 * Example:           run stale-guests 90
 */
import java.time.Duration
import java.time.Instant

int days = args ? args[0] as int : 90
Instant cutoff = Instant.now() - Duration.ofDays(days)

def stale = []
int guests = 0
// Graph pages signInActivity 120 at a time at most
for (user in all('/users?$filter=userType eq \'Guest\'&$select=id,displayName,mail,userPrincipalName,createdDateTime,signInActivity&$top=120')) {
    guests++
    String last = user.signInActivity?.lastSignInDateTime
    if (last == null || Instant.parse(last).isBefore(cutoff)) {
        stale << [user: user, last: last ? Instant.parse(last) : null]
    }
}

if (!stale) { // nothing to report: nothing on standard output
    err.println "All $guests guests have signed in within $days days."
    return
}
out.println "${stale.size()} of $guests guests have not signed in for $days days:"
out.println String.format('%-20s  %5s  %-30s  %s', 'Last sign-in (UTC)', 'Days', 'Name', 'Mail')
for (row in stale.sort { it.last ?: Instant.EPOCH }) {
    out.println String.format('%-20s  %5s  %-30s  %s',
            row.last ?: 'never',
            row.last ? Duration.between(row.last, Instant.now()).toDays() : '-',
            row.user.displayName, row.user.mail ?: row.user.userPrincipalName)
}
