var page = await directorySync.ListGroups(new ListGroupsOptions { Directory = "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E" });

ListMetadata metadata = page.ListMetadata;
// metadata.Before == null (first page)
// metadata.After  == "directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE"
