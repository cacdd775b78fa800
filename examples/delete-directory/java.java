import com.acme.Acme;

Acme acme = new Acme(System.getenv("ACME_API_KEY"));

acme.directorySync.deleteDirectory("directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E");
