const page = await acme.directorySync.listGroups({ directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E' });

console.log(page.listMetadata);
// { before: undefined, after: 'directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE' }
