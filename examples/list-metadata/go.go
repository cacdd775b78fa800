page, err := directorysync.ListGroups(ctx, directorysync.ListGroupsOpts{
	Directory: "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
})
if err != nil {
	return err
}

fmt.Printf("%+v\n", page.ListMetadata)
// {Before: After:directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE}
