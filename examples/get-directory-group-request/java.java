import com.acme.Acme;
import com.acme.directorysync.models.Group;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

Group group = acme.directorySync.getGroup("directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB");
