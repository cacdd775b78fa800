using Acme;

var directorySync = new DirectorySyncService(
    Environment.GetEnvironmentVariable("ACME_API_KEY"));

string? after = null;
do
{
    var page = await directorySync.ListGroups(
        new ListGroupsOptions { Directory = "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E", After = after });
    foreach (var group in page.Data) Console.WriteLine(group.Name);
    after = page.ListMetadata.After;
} while (after != null);
