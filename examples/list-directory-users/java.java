import com.acme.Acme;
import com.acme.directorysync.models.*;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

UserList page = acme.directorySync.listUsers(
    ListUsersOptions.builder()
        .group("directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB")
        .limit(25)
        .build());

for (User user : page.data) {
    System.out.println(user.email + " (" + user.state + ")");
}
