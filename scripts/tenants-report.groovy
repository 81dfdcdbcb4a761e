/*
 * tenants-report.groovy [NAME...]
 *
 * One CSV line per tenant across saved connections: the tenant, the app, how many users and guests it
 * has, and how many app registrations hold a certificate or secret expiring within 30 days. Walks
 * every saved connection (or the names given), each with its own token; a tenant that fails is
 * reported on stderr and the report carries on, ending with exit code 1.
 *
 * Application roles: User.Read.All and Application.Read.All (or Directory.Read.All), in each tenant.
 * Arguments:         NAME  saved connections to report on (default: all of them).
 * Example:           run tenants-report > tenants.csv
 *                    entra-shell -c 'run tenants-report prod test' | mail -s 'Tenants' admins@contoso.com
 */
import java.time.Duration
import java.time.Instant

def names = args ?: connections()
if (!names) {
    err.println "No saved connections: save one with connect ... --name NAME (see 'help connect')."
    exit 1
}

Instant horizon = Instant.now() + Duration.ofDays(30)

def csv = { value ->
    String text = value == null ? '' : value.toString()
    text.contains(',') || text.contains('"') || text.contains('\n') ? '"' + text.replace('"', '""') + '"' : text
}

def expiringSoon = { app ->
    (app.keyCredentials + app.passwordCredentials).any {
        it.endDateTime && Instant.parse(it.endDateTime).isBefore(horizon)
    }
}

out.println 'name,tenant,app,users,guests,appsWithCredentialsExpiringIn30Days'
def failed = []
for (name in names) {
    try {
        def tenant = connection(name)
        def context = tenant.context
        def users = tenant.get('/users/$count')
        def guests = tenant.get('/users/$count?$filter=userType eq \'Guest\'')
        int expiring = tenant.all('/applications?$select=id,keyCredentials,passwordCredentials&$top=999')
                .count { expiringSoon(it) }
        out.println([name, context.TenantId, context.AppName, users, guests, expiring].collect(csv).join(','))
    } catch (Exception e) {
        err.println "$name: ${e.message}"
        failed << name
    }
}
if (failed) {
    err.println "${failed.size()} of ${names.size()} tenant${names.size() == 1 ? '' : 's'} failed: ${failed.join(', ')}."
    exit 1
}
