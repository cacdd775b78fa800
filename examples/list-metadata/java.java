DirectoryGroupList page = acme.directorySync.listGroups(
    ListGroupsOptions.builder().directory("directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E").build());

ListMetadata metadata = page.listMetadata;
// metadata.before == null (first page)
// metadata.after  == "directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE"
