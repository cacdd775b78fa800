using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

var page = await directorySync.ListDirectories(new ListDirectoriesOptions
{
    OrganizationId = "org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
    Limit = 5,
});

foreach (var directory in page.Data)
{
    Console.WriteLine($"{directory.Id}: {directory.Domain}");
}
