import com.acme.Acme;
import com.acme.directorysync.models.Directory;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

Directory directory = acme.directorySync.getDirectory("directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E");
System.out.println(directory.name + " is " + directory.state);
