import com.acme.Acme;
import com.acme.directorysync.models.*;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

String after = null;
do {
    GroupList page = acme.directorySync.listGroups(
        ListGroupsOptions.builder().directory("directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E").after(after).build());
    page.data.forEach(group -> System.out.println(group.name));
    after = page.listMetadata.after;
} while (after != null);
