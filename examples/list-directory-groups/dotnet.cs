using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

var page = await directorySync.ListGroups(new ListGroupsOptions
{
    Directory = "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
    Order = PaginationOrder.Asc,
});

foreach (var group in page.Data)
{
    Console.WriteLine(group.Name);
}
