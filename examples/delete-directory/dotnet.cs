using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

await directorySync.DeleteDirectory("directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E");
