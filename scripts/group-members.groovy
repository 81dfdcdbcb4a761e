/*
 * group-members.groovy GROUP
 *
 * Everyone in a group, including the members of nested groups (transitive membership): each member's
 * type (user, group, device, servicePrincipal), name, and whether it is a direct member or comes
 * through a nested group; then a count by type.
 *
 * Application roles: GroupMember.Read.All (or Group.Read.All, Directory.Read.All).
 * Arguments:         GROUP  the group's object id or its exact display name.
 * Example:           run group-members 'VPN Users'
 */
if (!args) {
    err.println 'Usage: group-members.groovy GROUP'
    exit(2)
}
def group = findGroup(args[0])

def direct = all("/groups/${group.id}/members?\$select=id&\$top=999").collect { it.id } as Set
def counts = [:].withDefault { 0 }
out.println "Members of '${group.displayName}' (${group.id}), nested groups included:"
out.println String.format('%-17s  %-7s  %-36s  %s', 'Type', 'Via', 'Id', 'Name')
for (member in all("/groups/${group.id}/transitiveMembers?\$select=id,displayName,userPrincipalName&\$top=999")) {
    String type = (member['@odata.type'] ?: '#microsoft.graph.directoryObject') - '#microsoft.graph.'
    String name = member.userPrincipalName ? "${member.displayName} <${member.userPrincipalName}>" : member.displayName
    out.println String.format('%-17s  %-7s  %-36s  %s', type, member.id in direct ? 'direct' : 'nested', member.id, name)
    counts[type]++
}
out.println counts ? counts.collect { type, n -> "$n ${type}${n == 1 ? '' : 's'}" }.join(', ') : 'The group has no members.'

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
