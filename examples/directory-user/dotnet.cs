var user = new User
{
    Object = "directory_user",
    Id = "directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C",
    IdpId = "00uk4bq2r6Ab1xQe9d7",
    DirectoryId = "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
    OrganizationId = "org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
    FirstName = "Maya",
    LastName = "Lindqvist",
    Email = "maya@northwind.example",
    Emails = new List<UserEmail>
    {
        new UserEmail { Primary = true, Type = "work", Value = "maya@northwind.example" },
    },
    Role = new UserRole { Slug = "member" },
    State = UserState.Active,
    CustomAttributes = new Dictionary<string, object> { ["department"] = "Engineering" },
    CreatedAt = "2024-04-16T18:03:52.904Z",
    UpdatedAt = "2024-05-02T07:41:19.230Z",
};
