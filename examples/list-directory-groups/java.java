import com.acme.Acme;
import com.acme.directorysync.models.*;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

GroupList page = acme.directorySync.listGroups(
    ListGroupsOptions.builder()
        .directory("directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E")
        .order(Order.ASC)
        .build());

for (Group group : page.data) {
    System.out.println(group.name);
}
