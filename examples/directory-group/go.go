group := directorysync.Group{
	ID:             "directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB",
	IdpID:          "00gk4bq7xzS1tXJm5d7",
	DirectoryID:    "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
	OrganizationID: "org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
	Name:           "Engineering",
	CreatedAt:      "2024-04-16T18:03:50.512Z",
	UpdatedAt:      "2024-04-16T18:03:50.512Z",
}
