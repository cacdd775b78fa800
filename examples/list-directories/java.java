import com.acme.Acme;
import com.acme.directorysync.models.*;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

DirectoryList page = acme.directorySync.listDirectories(
    ListDirectoriesOptions.builder()
        .organizationId("org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A")
        .limit(5)
        .build());

for (Directory directory : page.data) {
    System.out.println(directory.id + ": " + directory.domain);
}
