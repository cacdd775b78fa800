using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

var group = await directorySync.GetGroup("directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB");
