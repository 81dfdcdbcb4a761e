/*
 * users-export.groovy FILE [PROPERTIES]
 *
 * Exports every user of the tenant to a CSV file (RFC 4180, UTF-8, a header row), paging through
 * the whole directory a page at a time, so memory stays flat whatever the tenant's size.
 *
 * Application roles: User.Read.All (or Directory.Read.All).
 * Arguments:         FILE        the CSV file to write (replaced if it exists).
 *                    PROPERTIES  comma-separated user properties (default: id, displayName,
 *                                userPrincipalName, mail, userType, accountEnabled, department,
 *                                jobTitle, createdDateTime).
 * Example:           entra-shell -c 'connect --env' users-export.groovy /srv/reports/users.csv
 */
if (!args) {
    err.println 'Usage: users-export.groovy FILE [PROPERTIES]'
    exit(2)
}
def file = new File(args[0])
def properties = (args.size() > 1 ? args[1]
        : 'id,displayName,userPrincipalName,mail,userType,accountEnabled,department,jobTitle,createdDateTime')
        .split(',')*.trim().findAll()

String csv(value) {
    String text = value == null ? '' : value instanceof List ? value.join(';') : value.toString()
    text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r') ?
            '"' + text.replace('"', '""') + '"' : text
}

// Written beside the file and moved into place when complete: a run that fails half-way leaves no
// file that looks like a whole export (and an earlier export stays as it was).
def partial = new File(file.absoluteFile.parentFile, ".${file.name}.partial")
int count = 0
partial.withWriter('UTF-8') { writer ->
    writer.write(properties.join(',') + '\r\n')
    for (user in all('/users?$select=' + properties.join(',') + '&$top=999')) {
        writer.write(properties.collect { csv(user[it]) }.join(',') + '\r\n')
        count++
    }
}
java.nio.file.Files.move(partial.toPath(), file.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE)
err.println "Wrote $count users to ${file.absolutePath}"
