page = Acme::DirectorySync.list_groups(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E')

page.list_metadata
# => { 'before' => nil, 'after' => 'directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE' }
