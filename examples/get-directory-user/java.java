import com.acme.Acme;
import com.acme.directorysync.models.User;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

User user = acme.directorySync.getUser("directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C");
System.out.println(user.firstName + " " + user.lastName + " <" + user.email + ">");
