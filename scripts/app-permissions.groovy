/*
 * app-permissions.groovy
 *
 * For a security review: every service principal that holds application permissions (app roles
 * granted with admin consent), each role by name with the API it belongs to and when it was granted.
 * Service principals with none are counted, not listed. The assignments are fetched with $batch,
 * 20 service principals per request.
 *
 * Application roles: Application.Read.All (or Directory.Read.All).
 * Arguments:         none.
 * Example:           run app-permissions
 */
def principals = all('/servicePrincipals?$select=id,appId,displayName,appRoles&$top=999').toList()
def byId = principals.collectEntries { [it.id, it] }

// role id -> role name, per API (resource) service principal; fetched when a resource is not in the list
def roleNames = { resourceId ->
    def resource = byId[resourceId] ?: (byId[resourceId] = get("/servicePrincipals/$resourceId?\$select=id,displayName,appRoles"))
    (resource.appRoles ?: []).collectEntries { [it.id, it.value] }
}.memoize()

def responses = batch(principals.collect { [id: it.id, url: "/servicePrincipals/${it.id}/appRoleAssignments"] })
int without = 0
int grants = 0
for (principal in principals.sort { it.displayName.toLowerCase() }) {
    def response = responses[principal.id]
    if (response.status != 200) {
        err.println "${principal.displayName}: HTTP ${response.status} ${response.body?.error?.message ?: ''}"
        continue
    }
    def assignments = response.body.value
    if (!assignments) {
        without++
        continue
    }
    out.println "${principal.displayName} (appId ${principal.appId})"
    def named = assignments.collect { [it, roleNames(it.resourceId)[it.appRoleId] ?: it.appRoleId] }
    for (pair in named.sort { "${it[0].resourceDisplayName}\t${it[1]}" }) {
        def (assignment, role) = pair
        out.println String.format('    %-28s %-34s granted %s', assignment.resourceDisplayName, role,
                assignment.createdDateTime ?: '')
        grants++
    }
}
out.println "$grants application permissions granted to ${principals.size() - without} service principals; $without hold none."
