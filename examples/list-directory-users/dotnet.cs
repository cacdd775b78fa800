using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

var page = await directorySync.ListUsers(new ListUsersOptions
{
    Group = "directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB",
    Limit = 25,
});

foreach (var user in page.Data)
{
    Console.WriteLine($"{user.Email} ({user.State})");
}
