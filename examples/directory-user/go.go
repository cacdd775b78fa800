user := directorysync.User{
	ID:             "directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C",
	IdpID:          "00uk4bq2r6Ab1xQe9d7",
	DirectoryID:    "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
	OrganizationID: "org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
	FirstName:      "Maya",
	LastName:       "Lindqvist",
	Email:          "maya@northwind.example",
	Emails: []directorysync.UserEmail{
		{Primary: true, Type: "work", Value: "maya@northwind.example"},
	},
	Role:             &directorysync.UserRole{Slug: "member"},
	Groups:           []directorysync.Group{{ID: "directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB", Name: "Engineering"}},
	State:            directorysync.Active,
	CustomAttributes: map[string]interface{}{"department": "Engineering"},
	CreatedAt:        "2024-04-16T18:03:52.904Z",
	UpdatedAt:        "2024-05-02T07:41:19.230Z",
}
