using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

var user = await directorySync.GetUser("directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C");
Console.WriteLine($"{user.FirstName} {user.LastName} <{user.Email}>");
