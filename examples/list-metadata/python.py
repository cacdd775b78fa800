page = acme.directory_sync.list_groups(directory_id="directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E")

page.list_metadata
# ListMetadata(before=None, after="directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE")
