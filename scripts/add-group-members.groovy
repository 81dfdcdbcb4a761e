/*
 * add-group-members.groovy GROUP FILE
 *
 * Adds the users listed in FILE to a group, 20 per $batch request, and reports each one that could
 * not be added (no such user, already a member, ...) with Graph's reason. Ends with exit code 1 when
 * any failed, so a cron job notices.
 *
 * Application roles: GroupMember.ReadWrite.All (or Group.ReadWrite.All), and User.Read.All to look
 *                    the users up.
 * Arguments:         GROUP  the group's object id or its exact display name.
 *                    FILE   one user per line: user principal name or object id; blank lines and
 *                           lines starting with # are skipped.
 * Example:           run add-group-members 'Project Falcon' new-members.txt
 */
if (args.size() < 2) {
    err.println 'Usage: add-group-members.groovy GROUP FILE'
    exit(2)
}
def group = findGroup(args[0])
def users = new File(args[1]).readLines('UTF-8')*.trim().findAll { it && !it.startsWith('#') }.unique()

// 1. look the users up (a UPN or an id), 2. add them by id
def failed = [:]
def lookups = batch(users.collect { [id: it, url: "/users/${URLEncoder.encode(it, 'UTF-8')}?\$select=id"] })
def ids = [:]
lookups.each { name, response ->
    if (response.status == 200) {
        ids[name] = response.body.id
    } else {
        failed[name] = reason(response)
    }
}
def added = batch(ids.collect { name, id ->
    [id: name, method: 'POST', url: "/groups/${group.id}/members/\$ref",
     body: ['@odata.id': "https://graph.microsoft.com/v1.0/directoryObjects/$id"]]
})
added.each { name, response ->
    if (response.status == 204) {
        out.println "added   $name"
    } else {
        failed[name] = reason(response)
    }
}
failed.each { name, why -> err.println "failed  $name: $why" }
out.println "Added ${ids.size() - failed.count { it.key in ids }} of ${users.size()} users to '${group.displayName}'" +
        (failed ? "; ${failed.size()} failed." : '.')
if (failed) {
    exit(1)
}

String reason(Map response) {
    def error = response.body?.error
    "HTTP ${response.status}" + (error ? " ${error.code}: ${error.message}" : '')
}

/** A group by object id, or by display name (exactly one must match). */
def findGroup(String idOrName) {
    if (idOrName ==~ /(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) {
        return get("/groups/$idOrName?\$select=id,displayName")
    }
    def found = get("/groups?\$filter=displayName eq '${idOrName.replace("'", "''")}'&\$select=id,displayName").value
    if (found.size() != 1) {
        throw new IllegalArgumentException(found ? "${found.size()} groups are named '$idOrName'; give the object id."
                : "No group is named '$idOrName'.")
    }
    found[0]
}
