directory := directorysync.Directory{
	ID:             "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
	Domain:         "northwind.example",
	Name:           "Northwind Okta",
	OrganizationID: "org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
	State:          directorysync.Linked,
	Type:           directorysync.OktaSCIMV2_0,
	CreatedAt:      "2024-04-15T09:12:44.108Z",
	UpdatedAt:      "2024-04-16T18:02:11.384Z",
}
